import { existsSync } from 'node:fs'
import { builtinModules } from 'node:module'
import path from 'node:path'
import { build, type Message, type Plugin } from 'esbuild'

/** Node built-ins a cell may import; everything that reaches the network, processes or native code is left out. */
export const ALLOWED_BUILTINS = [
  'assert',
  'buffer',
  'crypto',
  'events',
  'path',
  'stream',
  'stream/promises',
  'string_decoder',
  'timers/promises',
  'url',
  'util',
  'zlib',
] as const

export class TranspileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message)
  }
}

function packageName(specifier: string) {
  const [scope, name] = specifier.split('/')
  return specifier.startsWith('@') ? `${scope}/${name}` : (scope ?? specifier)
}

function importGuard(nodeModules: string, allowRelative: boolean): Plugin {
  const builtins = new Set(builtinModules)
  const allowed = new Set<string>(ALLOWED_BUILTINS)
  return {
    name: 'cloudbook-import-guard',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined
        // trusted code (lab checks) may share helpers by relative import; esbuild bundles them in
        if (allowRelative && args.path.startsWith('.')) return undefined
        const bare = args.path.replace(/^node:/, '')
        if (allowed.has(bare)) return { path: `node:${bare}`, external: true }
        if (args.path.startsWith('@aws-sdk/')) {
          if (existsSync(path.join(nodeModules, packageName(args.path), 'package.json'))) {
            return { path: args.path, external: true }
          }
          return {
            errors: [
              {
                text: `"${args.path}" is not installed in Cloudbook. Use one of the @aws-sdk clients listed in the lesson.`,
              },
            ],
          }
        }
        const why = builtins.has(bare)
          ? `"${args.path}" is not available in Cloudbook cells (allowed built-ins: ${ALLOWED_BUILTINS.map((m) => `node:${m}`).join(', ')}).`
          : `"${args.path}" cannot be imported here: cells may import @aws-sdk/* clients and a few safe Node built-ins.`
        return { errors: [{ text: why }] }
      })
    },
  }
}

function toTranspileError(messages: Message[]): TranspileError {
  const first = messages[0]
  const loc = first?.location
  const where = loc ? `line ${loc.line}, column ${loc.column + 1}: ` : ''
  return new TranspileError(
    `${where}${first?.text ?? 'could not compile the code'}`,
    loc?.line,
    loc ? loc.column + 1 : undefined,
  )
}

/**
 * Turns learner TypeScript into one ES module with an inline source map, so stack traces point at the
 * learner's own lines. Imports are checked here, before any process starts, so a bad import costs milliseconds.
 */
export type TranspileOptions = {
  nodeModules: string
  /** Where relative imports resolve from; only trusted code (lab checks) may use them. */
  relativeTo?: string
}

export async function transpile(
  source: string,
  filename: string,
  { nodeModules, relativeTo }: TranspileOptions,
): Promise<string> {
  try {
    const result = await build({
      stdin: {
        contents: source,
        loader: 'ts',
        sourcefile: filename,
        resolveDir: relativeTo ?? path.dirname(nodeModules),
      },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      sourcesContent: false,
      logLevel: 'silent',
      // Dynamic import() with a computed name would bypass the import guard; without native support esbuild turns
      // it into a require() call that fails inside an ES module.
      supported: { 'dynamic-import': false },
      plugins: [importGuard(nodeModules, relativeTo !== undefined)],
    })
    const output = result.outputFiles[0]
    if (!output) throw new TranspileError('could not compile the code')
    return output.text
  } catch (error) {
    if (error instanceof TranspileError) throw error
    if (error && typeof error === 'object' && 'errors' in error && Array.isArray(error.errors)) {
      throw toTranspileError(error.errors)
    }
    throw error
  }
}
