/**
 * The names a cell leaves in its lesson's kernel (lib/runner/cell-scope.ts shares them), found the cheap way the
 * editor can afford on every keystroke: top-level declarations and imports at the start of a line. The editor
 * declares them for the other cells of the page, so using a client made in cell 1 in cell 2 is not a false error.
 */
const DECLARATION = /^(?:export\s+)?(?:(?:const|let|var)\s+(\w+)|(?:async\s+)?function\s*\*?\s*(\w+)|class\s+(\w+))/gm
// one-line destructuring (defaults may hold brackets: the pattern ends at the last `} =` / `] =` of the line)
const DESTRUCTURED = /^(?:export\s+)?(?:const|let|var)\s+[{[](.*)[}\]]\s*=(?!=)/gm
const IMPORT = /^import\s+(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\}|\*\s+as\s+(\w+))?\s*from\s/gm
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

/**
 * The declaration file the editor adds for a page: every module cell's names as `any` globals, except names a script
 * cell already declares globally (the editor would call those a redeclaration).
 */
export function kernelNamesDeclaration(cells: readonly string[]): string {
  const scriptNames = new Set(cells.filter((c) => !isModuleCell(c)).flatMap(topLevelNames))
  const names = [...new Set(cells.filter(isModuleCell).flatMap(topLevelNames))].filter((n) => !scriptNames.has(n))
  return names
    .sort()
    .map((n) => `declare var ${n}: any;`)
    .join('\n')
}
