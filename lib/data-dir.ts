import path from 'node:path'

/**
 * A path under <root>/.cloudbook/, Cloudbook's local data folder (database, emulator venvs, environments, caches).
 * Next's bundler turns every `path.join(…, '.cloudbook', …)` it can read into a file-tracing pattern and then walks
 * the folder, whose emulator venvs hold symlinks that leave the project, which fails the build. Calling path.join
 * through Reflect keeps the call out of that analysis; everything under .cloudbook is run-time data, never an asset.
 */
export function dataDir(root: string, ...parts: string[]): string {
  const joined: unknown = Reflect.apply(path.join, path, [root, '.cloudbook', ...parts])
  return String(joined)
}
