import { parse, type AnyNode, type Pattern, type Program } from 'acorn'

/**
 * A notebook kernel runs each cell as its own module, yet cells share state as in Jupyter: a client or a bucket name
 * declared in cell 1 is usable in cell 2. This rewrites one transpiled cell so that its top-level names (imports,
 * const/let/var, functions, classes) are copied onto globalThis when the cell ends — also when it throws, so what
 * was assigned before the error is kept — where later cells find them as free identifiers. Line numbers are kept:
 * imports move to the first line (they are hoisted anyway) and their own lines become empty.
 */
export function shareTopLevel(code: string): string {
  let program: Program
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true })
  } catch {
    // the module loader reports the syntax error with its line; nothing to share from a cell that cannot load
    return code
  }
  // names the finally block copies (vars), and names copied as the block starts (imports, hoisted functions)
  const names = new Set<string>()
  const early = new Set<string>()
  const imports: string[] = []
  const edits: { start: number; end: number; text: string }[] = []
  const blank = (start: number, end: number) =>
    edits.push({ start, end, text: code.slice(start, end).replace(/[^\n]/g, ' ') })

  // Inside the try block a const/let/class would be invisible to the finally block: they become `var`s (function-
  // scoped, so module-scoped here). Functions stay declarations, initialised when the block is entered.
  const declare = (node: AnyNode) => {
    if (node.type === 'VariableDeclaration') {
      for (const d of node.declarations) patternNames(d.id, names)
      if (node.kind !== 'var')
        edits.push({ start: node.start, end: node.start + node.kind.length, text: 'var'.padEnd(node.kind.length) })
    }
    if (node.type === 'FunctionDeclaration' && node.id) early.add(node.id.name)
    if (node.type === 'ClassDeclaration' && node.id) {
      names.add(node.id.name)
      edits.push({ start: node.start, end: node.start, text: `var ${node.id.name} = ` })
    }
  }

  for (const node of program.body) {
    switch (node.type) {
      case 'ImportDeclaration':
        imports.push(code.slice(node.start, node.end).replace(/\n/g, ' '))
        for (const s of node.specifiers) early.add(s.local.name)
        blank(node.start, node.end)
        break
      case 'ExportNamedDeclaration':
        // exports mean nothing in a cell (nothing imports it); inside the try block below they would not parse
        if (node.declaration) {
          edits.push({ start: node.start, end: node.declaration.start, text: '' })
          declare(node.declaration)
        } else blank(node.start, node.end)
        break
      case 'ExportDefaultDeclaration': {
        const d = node.declaration
        const named = (d.type === 'FunctionDeclaration' || d.type === 'ClassDeclaration') && d.id
        edits.push({ start: node.start, end: d.start, text: named ? '' : 'void ' })
        declare(d)
        break
      }
      case 'ExportAllDeclaration':
        blank(node.start, node.end)
        break
      default:
        declare(node)
    }
  }
  let body = code
  // edits at the same position keep their order (a class's "var X = " after a stripped "export ")
  const ordered = edits.map((e, i) => ({ ...e, i })).sort((a, b) => b.start - a.start || b.i - a.i)
  for (const edit of ordered) body = body.slice(0, edit.start) + edit.text + body.slice(edit.end)
  const copy = (n: string) => `globalThis[${JSON.stringify(n)}] = ${n};`
  // a var the cell never reached (it threw first) is left out rather than shared as undefined
  const keep = [...names].map((n) => `if (${n} !== undefined) ${copy(n)}`).join(' ')
  const head = [...imports.map((i) => `${i};`), 'try {', ...[...early].map(copy)].join(' ')
  return `${head} ${body}\n} finally { ${keep} }\n`
}

function patternNames(pattern: Pattern, into: Set<string>) {
  switch (pattern.type) {
    case 'Identifier':
      into.add(pattern.name)
      break
    case 'ObjectPattern':
      for (const p of pattern.properties) patternNames(p.type === 'RestElement' ? p.argument : p.value, into)
      break
    case 'ArrayPattern':
      for (const e of pattern.elements) if (e) patternNames(e, into)
      break
    case 'RestElement':
      patternNames(pattern.argument, into)
      break
    case 'AssignmentPattern':
      patternNames(pattern.left, into)
      break
    default:
      break
  }
}
