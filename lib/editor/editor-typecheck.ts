import path from 'node:path'
import ts from 'typescript'
import { sdkPackagesIn } from '../runner/sdk-imports'
import { sdkTypes } from './sdk-types'

/**
 * The type check the browser editor runs on a cell, reproduced on the server for tests: the same compiler (Monaco
 * 0.57 bundles TypeScript 5.9), the same options as components/notebook/monaco-setup.ts and exactly the declaration
 * files /api/types serves, under a virtual node_modules, all of them part of the program as Monaco's extra libs are.
 */
export const EDITOR_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  allowNonTsExtensions: true,
  strict: true,
  noEmit: true,
  esModuleInterop: true,
  skipLibCheck: true,
  lib: ['lib.esnext.d.ts', 'lib.dom.d.ts'],
  types: [],
}

/** The diagnostics a learner would see as squiggles, per cell (each cell is its own file, as each editor model is). */
export function editorDiagnostics(cells: { name: string; code: string }[]): Map<string, string[]> {
  const files = new Map<string, string>()
  const packages = new Set(cells.flatMap((c) => sdkPackagesIn(c.code)))
  // Node's declarations are served with every editor (cells use process, Buffer, node:zlib…)
  for (const name of ['@types/node', ...packages])
    for (const [file, content] of Object.entries(sdkTypes(name))) files.set(`/node_modules/${file}`, content)
  const names = new Map(cells.map((c, i) => [`/cells/${i}.ts`, c.name]))
  cells.forEach((c, i) => files.set(`/cells/${i}.ts`, c.code))
  // every folder of the virtual tree, once: the compiler asks about folders for each module it resolves
  const folders = new Set(['/'])
  for (const file of files.keys())
    for (let dir = path.posix.dirname(file); dir !== '/' && !folders.has(dir); dir = path.posix.dirname(dir))
      folders.add(dir)
  const libDir = path.dirname(ts.getDefaultLibFilePath(EDITOR_COMPILER_OPTIONS))
  const read = (file: string) => files.get(file) ?? (file.startsWith(libDir) ? ts.sys.readFile(file) : undefined)
  const host: ts.CompilerHost = {
    ...ts.createCompilerHost(EDITOR_COMPILER_OPTIONS),
    getCurrentDirectory: () => '/',
    fileExists: (file) => read(file) !== undefined,
    readFile: read,
    directoryExists: (dir) => folders.has(dir),
    getSourceFile: (file, language) => {
      const text = read(file)
      return text === undefined ? undefined : ts.createSourceFile(file, text, language)
    },
  }
  const roots = [...files.keys()].filter((f) => f.endsWith('.d.ts') || f.startsWith('/cells/'))
  const program = ts.createProgram(roots, EDITOR_COMPILER_OPTIONS, host)
  const result = new Map<string, string[]>()
  for (const [file, name] of names) {
    const source = program.getSourceFile(file)
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
    result.set(
      name,
      diagnostics.map((d) => {
        const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0
        return `line ${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
      }),
    )
  }
  return result
}
