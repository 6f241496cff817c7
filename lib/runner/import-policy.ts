import { builtinModules } from 'node:module'

/**
 * Which modules learner code may import. The OS sandbox is the real boundary (only node_modules and the run's
 * scratch are visible, no network but the gateway); this policy is the second layer and gives a clear message.
 */

/** Node built-ins a cell may import; everything that reaches the network, processes or native code is left out. */
export const ALLOWED_BUILTINS = [
  'assert',
  'buffer',
  'crypto',
  'events',
  // the permission model and the sandbox confine it to the run's own folder (the lesson's sample files are there)
  'fs',
  'fs/promises',
  'path',
  'stream',
  'stream/promises',
  'string_decoder',
  'timers/promises',
  'url',
  'util',
  'zlib',
] as const

const ALLOWED = new Set<string>(ALLOWED_BUILTINS)
// a package name and an optional sub-path of plain segments: no "..", no absolute or relative paths
const AWS_PACKAGE = /^@aws-sdk\/[a-z0-9][a-z0-9-]*(\/[a-zA-Z0-9_-]+)*$/

const PROVIDED_PACKAGE_FILE = /^(?!.*\.\.)@?[a-z0-9][a-z0-9._-]*(\/[a-zA-Z0-9._-]+)+\.m?js$/

export type ImportVerdict = { ok: true; specifier: string } | { ok: false; message: string }

/**
 * `specifier` is undefined for a dynamic import() whose name is computed at run time: that is refused, since
 * nothing can check it ahead of time.
 */
/**
 * `provided` answers whether a path names one of the files the lesson or lab ships with its cells (helpers under
 * libs/, JSON data, package files under node_modules/): those may be imported, nothing else by path.
 */
export function checkImport(
  specifier: string | undefined,
  installed: (pkg: string) => boolean,
  provided: (relative: string) => boolean = () => false,
): ImportVerdict {
  if (specifier === undefined) {
    return {
      ok: false,
      message:
        'import() with a computed module name is not allowed in Cloudbook cells. Import the module by its name at the top of the cell, e.g. import { S3Client } from "@aws-sdk/client-s3".',
    }
  }
  const bare = specifier.replace(/^node:/, '')
  if (ALLOWED.has(bare)) return { ok: true, specifier: `node:${bare}` }
  // a package file the lesson ships under files/node_modules/ (AWS's examples import their own utilities by name)
  if (PROVIDED_PACKAGE_FILE.test(specifier) && provided(`node_modules/${specifier}`)) return { ok: true, specifier }
  if (specifier.startsWith('@aws-sdk/')) {
    if (!AWS_PACKAGE.test(specifier)) {
      return {
        ok: false,
        message: `"${specifier}" is not a module path Cloudbook allows: import the package by its name.`,
      }
    }
    const pkg = specifier.split('/').slice(0, 2).join('/')
    if (!installed(pkg)) {
      return {
        ok: false,
        message: `"${pkg}" is not installed in Cloudbook. Use one of the @aws-sdk clients listed in the lesson.`,
      }
    }
    return { ok: true, specifier }
  }
  if (specifier.startsWith('.') && provided(specifier)) return { ok: true, specifier }
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:')) {
    return {
      ok: false,
      message: `"${specifier}" cannot be imported: a cell may import only the files its lesson provides (such as ../libs/…); put the code you need into the cell itself.`,
    }
  }
  const isBuiltin = specifier.startsWith('node:') || builtinModules.includes(specifier)
  return {
    ok: false,
    message: isBuiltin
      ? `"${specifier}" is not available in Cloudbook cells (allowed built-ins: ${ALLOWED_BUILTINS.map((m) => `node:${m}`).join(', ')}).`
      : `"${specifier}" cannot be imported here: cells may import @aws-sdk/* clients and a few safe Node built-ins.`,
  }
}
