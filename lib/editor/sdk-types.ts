import 'server-only'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

/**
 * Type declarations for Monaco's IntelliSense: an @aws-sdk package's .d.ts files plus those of the @aws-sdk and
 * @smithy packages they import, keyed by their path under a virtual node_modules. Served once per package and
 * cached, so the browser gets the same types the runner executes against.
 */
const nodeModules = path.join(process.cwd(), 'node_modules')
const cache = new Map<string, Record<string, string>>()
// every module a declaration names: `from "…"`, `import("…")`, `export * from "…"`, sub-paths ("@smithy/core/client")
const IMPORT = /["'](@(?:aws-sdk|smithy|aws-crypto)\/[a-z0-9-]+)(?:\/[^"']*)?["']/g

function typesEntry(pkgDir: string): string | undefined {
  const manifest: unknown = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8'))
  if (typeof manifest !== 'object' || manifest === null) return undefined
  const types = 'types' in manifest ? manifest.types : 'typings' in manifest ? manifest.typings : undefined
  return typeof types === 'string' ? types : undefined
}

function walk(dir: string, out: string[]) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    // ts3.4, ts5.6: declarations for older TypeScript only; node_modules: nested copies resolve to the top-level ones
    // (ts5.6: @types/node's copy for older compilers; Monaco's is newer, and both at once would clash)
    if (/^ts\d/.test(entry.name) || entry.name === 'node_modules') continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, out)
    else if (entry.name.endsWith('.d.ts')) out.push(full)
  }
}

/** Installed @aws-sdk packages, and Node's own declarations (cells use process, Buffer and node:zlib…). */
export function isServablePackage(name: string) {
  return (
    (name === '@types/node' || /^@aws-sdk\/[a-z0-9-]+$/.test(name)) &&
    existsSync(path.join(nodeModules, name, 'package.json'))
  )
}

export function sdkTypes(root: string): Record<string, string> {
  const cached = cache.get(root)
  if (cached) return cached
  const files: Record<string, string> = {}
  const pending = [root]
  const seen = new Set<string>()
  while (pending.length) {
    const name = pending.pop()
    if (!name || seen.has(name)) continue
    seen.add(name)
    const pkgDir = path.join(nodeModules, name)
    const entry = existsSync(path.join(pkgDir, 'package.json')) ? typesEntry(pkgDir) : undefined
    if (!entry) continue
    files[`${name}/package.json`] = JSON.stringify({ name, types: entry })
    const dtsFiles: string[] = []
    // the whole package: sub-path entry points such as @smithy/core/client.d.ts sit beside dist-types/
    walk(pkgDir, dtsFiles)
    for (const file of dtsFiles) {
      const content = readFileSync(file, 'utf8')
      files[`${name}/${path.relative(pkgDir, file)}`] = content
      for (const match of content.matchAll(IMPORT)) if (match[1]) pending.push(match[1])
    }
  }
  cache.set(root, files)
  return files
}
