'use client'
// Loaded only in the browser (via next/dynamic with ssr: false): Monaco comes from the monaco-editor package
// bundled with the app, never from a CDN.
import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor'
import { kernelNamesDeclaration } from '@/lib/editor/kernel-names'
import { sdkPackagesIn } from '@/lib/runner/sdk-imports'

self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'typescript' || label === 'javascript') {
      return new Worker(new URL('monaco-editor/language/typescript/ts.worker.js', import.meta.url), { type: 'module' })
    }
    return new Worker(new URL('monaco-editor/editor/editor.worker.js', import.meta.url), { type: 'module' })
  },
}

const ts = monaco.typescript
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  allowNonTsExtensions: true,
  strict: true,
  noEmit: true,
  esModuleInterop: true,
  skipLibCheck: true,
  lib: ['esnext', 'dom'],
})
// Cells are separate modules: without this, two cells declaring `const s3` would clash.
ts.typescriptDefaults.setEagerModelSync(true)

loader.config({ monaco })

const requested = new Set<string>()

/** Fetches declarations for the @aws-sdk packages a cell imports (and Node's), once per page. */
export async function addTypesFor(source: string) {
  // Node's own declarations come with the first editor: cells use process, Buffer, node:zlib… (the same set
  // lib/editor/editor-typecheck.ts checks every shipped cell against)
  const packages = ['@types/node', ...sdkPackagesIn(source)]
  await Promise.all(
    packages
      .filter((name) => !requested.has(name))
      .map(async (name) => {
        requested.add(name)
        const response = await fetch(`/api/types?package=${encodeURIComponent(name)}`)
        if (!response.ok) return
        const body: unknown = await response.json()
        if (
          typeof body !== 'object' ||
          body === null ||
          !('files' in body) ||
          typeof body.files !== 'object' ||
          body.files === null
        )
          return
        for (const [file, content] of Object.entries(body.files)) {
          if (typeof content === 'string') ts.typescriptDefaults.addExtraLib(content, `file:///node_modules/${file}`)
        }
      }),
  )
}

/** Monaco's theme for the page's current colour scheme (<html data-theme>, else the system's). */
export function pageTheme(): 'vs' | 'vs-dark' {
  const forced = document.documentElement.dataset.theme
  const dark = forced ? forced === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches
  return dark ? 'vs-dark' : 'vs'
}

let following = false

/** Re-themes every open editor when the page's theme toggles or the system scheme changes (Monaco themes are global). */
export function followPageTheme() {
  if (following) return
  following = true
  const apply = () => monaco.editor.setTheme(pageTheme())
  new MutationObserver(apply).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
  window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', apply)
}

/** Puts a red squiggle and hover message on the line a run failed at. */
export function markErrorLine(model: monaco.editor.ITextModel | null, line: number | undefined, message = '') {
  if (!model) return
  if (line === undefined || line > model.getLineCount()) return monaco.editor.setModelMarkers(model, 'cloudbook-run', [])
  monaco.editor.setModelMarkers(model, 'cloudbook-run', [
    {
      severity: monaco.MarkerSeverity.Error,
      message: message || 'The run failed here',
      startLineNumber: line,
      endLineNumber: line,
      startColumn: model.getLineFirstNonWhitespaceColumn(line) || 1,
      endColumn: model.getLineMaxColumn(line),
    },
  ])
}

// Each cell is its own editor model, but a lesson's cells share a kernel: names declared in one cell are declared
// for the others (typed where one line settles it, else `any`), so cell 1's client completes in cell 2.
const kernelCells = new Map<string, string>()
let kernelTimer: ReturnType<typeof setTimeout> | undefined

export function shareKernelNames(modelPath: string, code: string) {
  kernelCells.set(modelPath, code)
  clearTimeout(kernelTimer)
  kernelTimer = setTimeout(() => {
    ts.typescriptDefaults.addExtraLib(
      kernelNamesDeclaration([...kernelCells.values()]),
      'file:///cloudbook/kernel-names.d.ts',
    )
  }, 300)
}

export { monaco }
