import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { shareTopLevel } from './cell-scope'

const dir = mkdtempSync(path.join(os.tmpdir(), 'cell-scope-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

/**
 * Runs cells one after another in one plain Node process, as the kernel does (each its own module, sharing through
 * globalThis), then evaluates `report` in a last module and returns what it printed as JSON. Vitest's own module
 * runner would scope globals differently, so the cells run in a real Node.
 */
function kernel(cells: string[], report: string): { value?: unknown; error?: string } {
  const files = cells.map((code) => {
    const file = path.join(dir, `cell-${n++}.mjs`)
    writeFileSync(file, shareTopLevel(code))
    return file
  })
  const driver = path.join(dir, `driver-${n++}.mjs`)
  writeFileSync(
    driver,
    `const errors = []
for (const f of ${JSON.stringify(files.map((f) => pathToFileURL(f).href))}) {
  try { await import(f) } catch (e) { errors.push(e.message) }
}
console.log(JSON.stringify({ value: ${report}, error: errors[0] }))`,
  )
  const out = execFileSync(process.execPath, [driver], { encoding: 'utf8' })
  return JSON.parse(out)
}

describe('shareTopLevel', () => {
  it('keeps every line where it was', () => {
    const code = "import { join } from 'node:path'\nconst a = 1\n\nfunction f() {\n  return a\n}\nthrow new Error('x')\n"
    const shared = shareTopLevel(code)
    const lines = shared.split('\n')
    expect(lines[6]).toBe("throw new Error('x')")
    expect(lines[3]).toBe('function f() {')
  })

  it('shares imports, declarations, functions, classes and destructured names with later cells', () => {
    const cell1 = `import { join as joinPath } from 'node:path'
const bucket = 'cells-' + 1
let { a, b: [c, ...rest] } = { a: 1, b: [2, 3, 4] }
function twice(x) { return x * 2 }
class Box { constructor(v) { this.v = v } }
export const exported = 'yes'`
    const cell2 = `globalThis.seen = [joinPath('a', 'b'), bucket, a, c, rest.length, twice(21), new Box(5).v, exported]`
    expect(kernel([cell1, cell2], 'globalThis.seen')).toEqual({ value: ['a/b', 'cells-1', 1, 2, 2, 42, 5, 'yes'] })
  })

  it('keeps what a cell assigned before it threw', () => {
    const result = kernel(
      [`const before = 'kept'\nthrow new Error('boom')\nconst after = 'never'`],
      "[globalThis.before, 'after' in globalThis]",
    )
    expect(result).toEqual({ value: ['kept', false], error: 'boom' })
  })

  it('lets a later cell redeclare a name, and awaits at top level', () => {
    const result = kernel([`const value = 1`, `const value = await Promise.resolve(2)`], 'globalThis.value')
    expect(result).toEqual({ value: 2 })
  })
})
