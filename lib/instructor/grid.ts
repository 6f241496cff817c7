/** The instructor's view of one learner on one lesson, computed from the progress tables (no database here). */
export type CellStatus = 'not-started' | 'in-progress' | 'completed'
export type Cell = {
  status: CellStatus
  bestScore: number | null
  total: number | null
  quizAttempts: number
  labsPassed: number
}

export type VisitRow = { learnerId: string; section: string; readPercent: number }
/** Quiz submissions of one learner for one lesson, aggregated in the database (best score, their count). */
export type SubmissionRow = { learnerId: string; section: string; bestScore: number; total: number; attempts: number }
export type PassRow = { learnerId: string; labId: string }

/** Same rule as the learner's own course page (lib/progress/lessons.ts): a passed quiz completes a lesson. */
export const PASS_RATIO = 0.7

const emptyCell = (): Cell => ({ status: 'not-started', bestScore: null, total: null, quizAttempts: 0, labsPassed: 0 })

export function buildGrid(
  rows: { visits: VisitRow[]; submissions: SubmissionRow[]; passes: PassRow[] },
  labSection: (labId: string) => string | undefined,
): Map<string, Map<string, Cell>> {
  const grid = new Map<string, Map<string, Cell>>()
  const cell = (learnerId: string, section: string) => {
    let byLesson = grid.get(learnerId)
    if (!byLesson) grid.set(learnerId, (byLesson = new Map()))
    let c = byLesson.get(section)
    if (!c) byLesson.set(section, (c = emptyCell()))
    return c
  }
  const started = (c: Cell) => {
    if (c.status === 'not-started') c.status = 'in-progress'
  }
  for (const v of rows.visits) if (v.readPercent > 0) started(cell(v.learnerId, v.section))
  for (const s of rows.submissions) {
    const c = cell(s.learnerId, s.section)
    started(c)
    c.quizAttempts += s.attempts
    if (c.bestScore === null || s.bestScore > c.bestScore) {
      c.bestScore = s.bestScore
      c.total = s.total
    }
    if (s.total > 0 && s.bestScore / s.total >= PASS_RATIO) c.status = 'completed'
  }
  const seen = new Set<string>()
  for (const p of rows.passes) {
    const section = labSection(p.labId)
    const key = `${p.learnerId}\u0000${p.labId}`
    if (!section || seen.has(key)) continue
    seen.add(key)
    const c = cell(p.learnerId, section)
    started(c)
    c.labsPassed++
  }
  return grid
}

export const cellFor = (grid: Map<string, Map<string, Cell>>, learnerId: string | null, section: string): Cell =>
  (learnerId ? grid.get(learnerId)?.get(section) : undefined) ?? emptyCell()
