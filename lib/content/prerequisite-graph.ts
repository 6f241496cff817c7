/**
 * The prerequisite graph of one lesson, laid out in columns for a small server-rendered SVG: the lesson on the
 * right, each prerequisite as many columns to its left as the longest path from it to the lesson, so every arrow
 * points rightwards. Pure: the lesson page passes the frontmatter lookups in.
 */
export type GraphNode = { id: string; column: number; row: number }
export type GraphLayout = {
  nodes: GraphNode[]
  /** From a prerequisite to the lesson that needs it. */
  edges: { from: string; to: string }[]
  columns: number
  rows: number
}

export function prerequisiteGraph(
  section: string,
  chain: readonly string[],
  prerequisitesOf: (section: string) => readonly string[] | undefined,
): GraphLayout {
  const members = new Set([section, ...chain])
  const edges = [...members].flatMap((to) =>
    (prerequisitesOf(to) ?? []).filter((from) => members.has(from) && from !== to).map((from) => ({ from, to })),
  )
  // longest distance to the lesson; the chain is acyclic (prerequisiteChain never revisits), so this settles
  const depth = new Map<string, number>([[section, 0]])
  for (let changed = true, rounds = 0; changed && rounds <= members.size; rounds++) {
    changed = false
    for (const { from, to } of edges) {
      const candidate = (depth.get(to) ?? -Infinity) + 1
      if (candidate > (depth.get(from) ?? -Infinity)) {
        depth.set(from, candidate)
        changed = true
      }
    }
  }
  const deepest = Math.max(0, ...depth.values())
  const byColumn = new Map<number, string[]>()
  // reading order within a column: the order the chain recommends
  for (const id of [...chain, section]) {
    const column = deepest - (depth.get(id) ?? 0)
    byColumn.set(column, [...(byColumn.get(column) ?? []), id])
  }
  const nodes = [...byColumn.entries()].flatMap(([column, ids]) => ids.map((id, row) => ({ id, column, row })))
  return {
    nodes,
    edges,
    columns: deepest + 1,
    rows: Math.max(1, ...[...byColumn.values()].map((ids) => ids.length)),
  }
}
