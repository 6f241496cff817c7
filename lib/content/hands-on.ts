import { listLabIds, readLab } from '../labs/lab-files'
import { extractCells, listLessonDirs, readLessonDir } from './lesson-files'

/** What a lesson offers to do rather than read: runnable cells in its body and labs attached to its section. */
export type HandsOn = { cells: number; labs: { id: string; title: string }[] }

/**
 * Hands-on counts for every lesson, keyed by section id, from the same sources the lesson page and the test suite use
 * (the cell fences in lesson.mdx and the lab folders), so the course home cannot advertise a cell that does not run.
 */
export function handsOnBySection(): Map<string, HandsOn> {
  const result = new Map<string, HandsOn>()
  for (const dir of listLessonDirs()) {
    const lesson = readLessonDir(dir)
    result.set(lesson.section, { cells: extractCells(lesson.body).length, labs: [] })
  }
  for (const id of listLabIds()) {
    const { meta } = readLab(id)
    result.get(meta.section)?.labs.push({ id, title: meta.title })
  }
  return result
}

/** The short text of the marker on a lesson card, e.g. "▶ 3 cells · Lab"; empty when there is nothing to run. */
export function handsOnLabel({ cells, labs }: HandsOn): string {
  const parts: string[] = []
  if (cells > 0) parts.push(`▶ ${cells} ${cells === 1 ? 'cell' : 'cells'}`)
  if (labs.length > 0) parts.push(labs.length === 1 ? 'Lab' : `${labs.length} labs`)
  return parts.join(' · ')
}

/** The same information for screen readers, in words instead of a play symbol. */
export function handsOnDescription({ cells, labs }: HandsOn): string {
  const parts: string[] = []
  if (cells > 0) parts.push(`${cells} runnable code ${cells === 1 ? 'cell' : 'cells'}`)
  if (labs.length > 0) parts.push(labs.length === 1 ? 'a hands-on lab' : `${labs.length} hands-on labs`)
  return parts.length ? `Hands-on: ${parts.join(' and ')}` : ''
}
