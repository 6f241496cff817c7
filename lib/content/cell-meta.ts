/**
 * The info string of a runnable cell fence (```ts cell title="…" timeout="25"), read the same way by the MDX
 * compile (remark-cells.ts) and by everything that lists a lesson's cells (extractCells in lesson-files.ts).
 */
export function cellMeta(meta: string): { title?: string; timeoutSeconds?: number } {
  const title = /title="([^"]*)"/.exec(meta)?.[1]
  // timeout="25": the cell waits on purpose (a long poll) and needs more than the default limit
  const timeout = /timeout="(\d+)"/.exec(meta)?.[1]
  return { ...(title !== undefined ? { title } : {}), ...(timeout ? { timeoutSeconds: Number(timeout) } : {}) }
}
