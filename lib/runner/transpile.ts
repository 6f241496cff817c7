import { existsSync } from 'node:fs'
import path from 'node:path'
import { build, type Message, type Plugin } from 'esbuild'
import { checkImport } from './import-policy'

export class TranspileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message)
  }
}

/** The same import policy learner code gets (import-policy.ts), plus relative imports of the lab's own helpers. */
function importGuard(nodeModules: string, allowRelative: boolean): Plugin {
  const installed = (pkg: string) => existsSync(path.join(nodeModules, pkg, 'package.json'))
  return {
    name: 'cloudbook-import-guard',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined
        // trusted code (lab checks) may share helpers by relative import; esbuild bundles them in
        if (allowRelative && args.path.startsWith('.')) return undefined
        const verdict = checkImport(args.path, installed)
        return verdict.ok ? { path: verdict.specifier, external: true } : { errors: [{ text: verdict.message }] }
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

export type TranspileOptions = {
  nodeModules: string
  /** Where relative imports resolve from; only trusted code (lab checks) may use them. */
  relativeTo?: string
}

/**
 * Bundles *trusted* code (lab checks and clean-ups, with their shared helpers) into one ES module with an inline
 * source map. Learner code is never bundled here: it is transpiled inside its sandbox (sandbox-child.ts), where a
 * pathological input only spends that run's own time.
 */
export async function bundleTrusted(
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
