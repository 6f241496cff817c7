'use client'
// Loaded only in the browser (via next/dynamic with ssr: false): Monaco comes from the monaco-editor package
// bundled with the app, never from a CDN.
import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor'

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

/** Fetches declarations for the @aws-sdk packages a cell imports, once per page. */
export async function addTypesFor(source: string) {
  const packages = [...source.matchAll(/from\s+['"](@aws-sdk\/[a-z0-9-]+)['"]/g)].flatMap((m) => (m[1] ? [m[1]] : []))
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

export { monaco }
