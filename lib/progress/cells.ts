import 'server-only'
import { createHash } from 'node:crypto'
import { db } from '../db/client'
import { getLessonFile } from '../content/lessons'
import { extractCells } from '../content/lesson-files'

/** Identifies a cell's code as authored, so a draft is only ever shown over the code it was written from. */
export function cellHash(code: string): string {
  return createHash('sha256').update(code.trimEnd()).digest('base64url').slice(0, 16)
}

/** The authored code of a lesson's cell (cell-0, cell-1… in lesson order, as remark-cells numbers them). */
export function authoredCell(section: string, cellId: string): string | undefined {
  const file = getLessonFile(section)
  const index = /^cell-(\d+)$/.exec(cellId)?.[1]
  if (!file || index === undefined) return undefined
  return extractCells(file.body)[Number(index)]?.code
}

export async function saveCellDraft(learnerId: string, section: string, cellId: string, authored: string, code: string) {
  const baseHash = cellHash(authored)
  await db.cellDraft.upsert({
    where: { learnerId_section_cellId: { learnerId, section, cellId } },
    create: { learnerId, section, cellId, baseHash, code },
    update: { baseHash, code },
    select: { updatedAt: true },
  })
}

export async function deleteCellDraft(learnerId: string, section: string, cellId: string) {
  await db.cellDraft.deleteMany({ where: { learnerId, section, cellId } })
}

/** The learner's drafts for a lesson, keyed by cell id: only those written over the cell's current code. */
export async function cellDrafts(learnerId: string, section: string): Promise<Record<string, string>> {
  const file = getLessonFile(section)
  if (!file) return {}
  const current = new Map(extractCells(file.body).map((c) => [`cell-${c.index}`, cellHash(c.code)]))
  const drafts = await db.cellDraft.findMany({
    where: { learnerId, section },
    select: { cellId: true, baseHash: true, code: true },
  })
  return Object.fromEntries(drafts.filter((d) => current.get(d.cellId) === d.baseHash).map((d) => [d.cellId, d.code]))
}
