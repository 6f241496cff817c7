/**
 * The names a cell leaves in its lesson's kernel (lib/runner/cell-scope.ts shares them), found the cheap way the
 * editor can afford on every keystroke: top-level declarations and imports at the start of a line. The editor
 * declares them for the other cells of the page, so using a client made in cell 1 in cell 2 is not a false error.
 */
const DECLARATION = /^(?:export\s+)?(?:(?:const|let|var)\s+(\w+)|(?:async\s+)?function\s*\*?\s*(\w+)|class\s+(\w+))/gm
// one-line destructuring (defaults may hold brackets: the pattern ends at the last `} =` / `] =` of the line)
const DESTRUCTURED = /^(?:export\s+)?(?:const|let|var)\s+[{[](.*)[}\]]\s*=(?!=)/gm
// default, { named }, * as namespace, and the module (typedNames types the @aws-sdk ones)
const IMPORT = /^import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\}|\*\s+as\s+(\w+))?\s*from\s*['"]([^'"]+)['"]/gm
const NAME = /^[A-Za-z_$][\w$]*$/

/** A cell is an ES module (and its names are not global in the editor) when it imports or exports. */
export function isModuleCell(code: string): boolean {
  return /^\s*(import|export)\s/m.test(code)
}

export function topLevelNames(code: string): string[] {
  const names = new Set<string>()
  for (const m of code.matchAll(DECLARATION)) {
    const name = m[1] ?? m[2] ?? m[3]
    if (name) names.add(name)
  }
  for (const m of code.matchAll(DESTRUCTURED))
    for (const part of (m[1] ?? '').split(',')) {
      // "a", "b: c", "...rest", "d = 1" → a, c, rest, d
      const name = part.split(':').pop()?.split('=')[0]?.replace('...', '').trim() ?? ''
      if (NAME.test(name)) names.add(name)
    }
  for (const m of code.matchAll(IMPORT)) {
    if (m[1]) names.add(m[1])
    if (m[3]) names.add(m[3])
    for (const part of (m[2] ?? '').split(',')) {
      const name = part.replace(/^\s*type\s+/, '').split(/\s+as\s+/).pop()?.trim() ?? ''
      if (NAME.test(name)) names.add(name)
    }
  }
  return [...names]
}

// what can be typed for certain from one line: a const made with `new` from an SDK import, or a literal
const SDK_MODULE = /^@aws-sdk\/[a-z0-9-]+$/
const CONST_NEW = /^(?:export\s+)?const\s+(\w+)\s*=\s*new\s+(\w+)\s*\(/gm
const CONST_LITERAL =
  /^(?:export\s+)?const\s+(\w+)\s*=\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`[^`]*`|-?\d+(?:\.\d+)?|true|false)\s*;?[ \t]*$/gm

/**
 * Types for a module cell's names where one line settles them: SDK imports (`typeof import("…").S3Client`), a
 * const made with `new` from one of them (the instance type, so `s3.` completes in later cells), and const string,
 * number and boolean literals. Everything else stays `any`: a wrong type would be a false error.
 */
export function typedNames(code: string): Map<string, string> {
  const typed = new Map<string, string>()
  const sdkImports = new Map<string, { module: string; exported: string }>()
  for (const m of code.matchAll(IMPORT)) {
    const module = m[4] ?? ''
    if (!SDK_MODULE.test(module)) continue
    if (m[3]) typed.set(m[3], `typeof import("${module}")`)
    for (const part of (m[2] ?? '').split(',')) {
      if (/^\s*type\s/.test(part)) continue
      const [exported = '', local = exported] = part.split(/\s+as\s+/).map((p) => p.trim())
      if (!NAME.test(exported) || !NAME.test(local)) continue
      sdkImports.set(local, { module, exported })
      typed.set(local, `typeof import("${module}").${exported}`)
    }
  }
  for (const m of code.matchAll(CONST_NEW)) {
    const made = sdkImports.get(m[2] ?? '')
    if (m[1] && made) typed.set(m[1], `import("${made.module}").${made.exported}`)
  }
  for (const m of code.matchAll(CONST_LITERAL)) {
    const literal = m[2] ?? ''
    const type = /^['"`]/.test(literal) ? 'string' : /^(true|false)$/.test(literal) ? 'boolean' : 'number'
    if (m[1]) typed.set(m[1], type)
  }
  return typed
}

/**
 * The declaration file the editor adds for a page: every module cell's names as globals, typed where one line
 * settles it (typedNames) and `any` otherwise or when cells disagree, except names a script cell already declares
 * globally (the editor would call those a redeclaration).
 */
export function kernelNamesDeclaration(cells: readonly string[]): string {
  const scriptNames = new Set(cells.filter((c) => !isModuleCell(c)).flatMap(topLevelNames))
  const types = new Map<string, Set<string>>()
  for (const cell of cells.filter(isModuleCell)) {
    const typed = typedNames(cell)
    for (const name of topLevelNames(cell)) {
      if (scriptNames.has(name)) continue
      const seen = types.get(name) ?? new Set<string>()
      seen.add(typed.get(name) ?? 'any')
      types.set(name, seen)
    }
  }
  return [...types.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, seen]) => `declare var ${name}: ${seen.size === 1 ? [...seen][0] : 'any'};`)
    .join('\n')
}
