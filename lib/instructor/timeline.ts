import { z } from 'zod'
import { PASS_RATIO } from './grid'
import { resultSchema, type Expectation } from '../results'

/** What one learner did, newest first, for their instructor (pure: lib/instructor/learner-timeline.ts loads rows). */
export type TimelineEntry =
  | { kind: 'lesson-read'; at: Date; section: string; readPercent: number }
  | { kind: 'lesson-completed'; at: Date; section: string; score: number; total: number }
  | { kind: 'quiz'; at: Date; section: string; score: number; total: number; durationMs: number | null }
  | {
      kind: 'check'
      at: Date
      labId: string
      status: string
      message: string | null
      expectations: Expectation[]
      /** The learner's code when they pressed Check (null for checks recorded before it was kept). */
      code: string | null
    }
  | {
      kind: 'run'
      at: Date
      scope: string
      status: string
      message: string | null
      durationMs: number
      code: string
      calls: { service: string; operation: string; ok: boolean; errorCode?: string }[]
    }
  | { kind: 'solution'; at: Date; labId: string; reason: string }

export type TimelineRows = {
  visits: { section: string; readPercent: number; lastVisitedAt: Date }[]
  quizzes: { section: string; score: number; total: number; durationMs: number | null; createdAt: Date }[]
  checks: { labId: string; status: string; result: string; code?: string | null; createdAt: Date }[]
  runs: {
    scope: string
    status: string
    message: string | null
    durationMs: number
    code: string
    calls: string
    createdAt: Date
  }[]
  reveals: { labId: string; reason: string; revealedAt: Date }[]
}

// calls are stored by lib/progress/runs.ts; read back leniently (only what the timeline shows), never trusted
const callsSchema = z
  .array(z.object({ service: z.string(), operation: z.string(), ok: z.boolean(), errorCode: z.string().optional() }))
  .catch([])

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

export function buildTimeline(rows: TimelineRows): TimelineEntry[] {
  const entries: TimelineEntry[] = []
  // LessonVisit keeps one row per lesson: the last time it was open and how far the learner read
  for (const v of rows.visits)
    entries.push({ kind: 'lesson-read', at: v.lastVisitedAt, section: v.section, readPercent: v.readPercent })
  const completed = new Set<string>()
  for (const q of [...rows.quizzes].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
    entries.push({
      kind: 'quiz',
      at: q.createdAt,
      section: q.section,
      score: q.score,
      total: q.total,
      durationMs: q.durationMs,
    })
    if (!completed.has(q.section) && q.total > 0 && q.score / q.total >= PASS_RATIO) {
      completed.add(q.section)
      entries.push({ kind: 'lesson-completed', at: q.createdAt, section: q.section, score: q.score, total: q.total })
    }
  }
  for (const c of rows.checks) {
    const result = resultSchema.safeParse(parseJson(c.result))
    entries.push({
      kind: 'check',
      at: c.createdAt,
      labId: c.labId,
      status: c.status,
      message: result.success ? (result.data.message ?? null) : 'The stored result could not be read.',
      expectations: result.success ? result.data.expectations : [],
      code: c.code ?? null,
    })
  }
  for (const r of rows.runs)
    entries.push({
      kind: 'run',
      at: r.createdAt,
      scope: r.scope,
      status: r.status,
      message: r.message,
      durationMs: r.durationMs,
      code: r.code,
      calls: callsSchema.parse(parseJson(r.calls)),
    })
  for (const s of rows.reveals) entries.push({ kind: 'solution', at: s.revealedAt, labId: s.labId, reason: s.reason })
  // newest first; a completion sorts just above the quiz attempt that earned it
  const order = (e: TimelineEntry) => (e.kind === 'lesson-completed' ? 1 : 0)
  return entries.sort((a, b) => b.at.getTime() - a.at.getTime() || order(b) - order(a))
}
