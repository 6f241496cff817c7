import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { dataDir } from '../data-dir'

/**
 * Bundles lib/runner/sandbox-child.ts (TypeScript, type-checked with the rest) into one ES module the sandbox
 * runs with plain node. The AWS SDK and Smithy stay external so the sandbox shares the one copy in node_modules
 * that learner code loads (the call timeline patches that copy's Client). Built once per content hash.
 */
export function buildSandboxScript(root: string): string {
  const entry = path.join(root, 'lib', 'runner', 'sandbox-child.ts')
  const sources = [
    'sandbox-child.ts',
    'protocol.ts',
    'import-policy.ts',
    'cell-scope.ts',
    path.join('..', 'results.ts'),
    path.join('..', 'environments', 'splice.ts'),
  ].map((f) => readFileSync(path.join(root, 'lib', 'runner', f)))
  const hash = createHash('sha256')
  sources.forEach((s) => hash.update(s))
  const dir = dataDir(root, 'build')
  const out = path.join(dir, `sandbox-child-${hash.digest('hex').slice(0, 12)}.mjs`)
  if (existsSync(out)) return out
  mkdirSync(dir, { recursive: true })
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['@aws-sdk/*', '@smithy/*'],
    logLevel: 'silent',
    // bundled CommonJS (sucrase) calls require(): give the module one
    banner: {
      js: "import { createRequire as __cbRequire } from 'node:module'; const require = __cbRequire(import.meta.url);",
    },
  })
  const output = result.outputFiles[0]
  if (!output) throw new Error('could not build the sandbox script')
  writeFileSync(out, output.text)
  return out
}
