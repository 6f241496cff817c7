import 'server-only'
import type { SessionUser } from '../auth/session'
import { db } from '../db/client'
import { listLabIds, readLab } from '../labs/lab-files'
import { teachableClass } from './access'
import { buildTimeline, type TimelineEntry } from './timeline'

/** Each kind of activity is read up to this many rows (newest first), so a very busy learner's page stays quick. */
export const TIMELINE_LIMIT = 150

export type LabCode = {
  labId: string
  title: string
  passed: boolean
  draft: { code: string; updatedAt: Date } | null
  lastRun: { code: string; status: string; at: Date } | null
}

export type LearnerTimeline = {
  classId: string
  classTitle: string
  learner: { userId: string; name: string; email: string }
  entries: TimelineEntry[]
  /** some kind of activity had more rows than TIMELINE_LIMIT: the oldest are not shown */
  truncated: boolean
  labs: LabCode[]
}

const labTitle = (labId: string) => (listLabIds().includes(labId) ? readLab(labId).meta.title : labId)

/** The learner's latest code per lab: the autosaved draft and the code of their last run there. */
async function labCode(learnerId: string): Promise<LabCode[]> {
  const [drafts, runScopes, passes] = await Promise.all([
    db.labDraft.findMany({ where: { learnerId }, select: { labId: true, code: true, updatedAt: true } }),
    db.codeRun.groupBy({ by: ['scope'], where: { learnerId, scope: { startsWith: 'lab:' } } }),
    db.labAttempt.groupBy({ by: ['labId'], where: { learnerId, status: 'pass' } }),
  ])
  const lastRuns = await Promise.all(
    runScopes.map(({ scope }) =>
      db.codeRun.findFirst({
        where: { learnerId, scope },
        orderBy: { createdAt: 'desc' },
        select: { scope: true, code: true, status: true, createdAt: true },
      }),
    ),
  )
  const labIds = new Set([...drafts.map((d) => d.labId), ...runScopes.map((r) => r.scope.slice('lab:'.length))])
  const passed = new Set(passes.map((p) => p.labId))
  return [...labIds].sort().map((labId) => {
    const draft = drafts.find((d) => d.labId === labId)
    const run = lastRuns.find((r) => r?.scope === `lab:${labId}`)
    return {
      labId,
      title: labTitle(labId),
      passed: passed.has(labId),
      draft: draft ? { code: draft.code, updatedAt: draft.updatedAt } : null,
      lastRun: run ? { code: run.code, status: run.status, at: run.createdAt } : null,
    }
  })
}

/**
 * One learner's timeline for an instructor of their class, or null (404) when the class is not the actor's or the
 * account is not a member of it: an instructor sees only their own classes' learners.
 */
export async function learnerTimeline(
  actor: SessionUser,
  classId: string,
  userId: string,
): Promise<LearnerTimeline | null> {
  const found = await teachableClass(actor, classId)
  if (!found) return null
  const member = await db.classMember.findUnique({
    where: { classId_userId: { classId, userId } },
    select: { user: { select: { id: true, name: true, email: true, learner: { select: { id: true } } } } },
  })
  if (!member) return null
  const base = {
    classId: found.id,
    classTitle: found.title,
    learner: { userId: member.user.id, name: member.user.name, email: member.user.email },
  }
  const learnerId = member.user.learner?.id
  if (!learnerId) return { ...base, entries: [], truncated: false, labs: [] }
  const newest = { orderBy: { createdAt: 'desc' }, take: TIMELINE_LIMIT + 1 } as const
  const [visits, quizzes, checks, runs, reveals, labs] = await Promise.all([
    db.lessonVisit.findMany({
      where: { learnerId },
      select: { section: true, readPercent: true, lastVisitedAt: true },
    }),
    db.quizSubmission.findMany({
      where: { learnerId },
      ...newest,
      select: { section: true, score: true, total: true, durationMs: true, createdAt: true },
    }),
    db.labAttempt.findMany({
      where: { learnerId },
      ...newest,
      select: { labId: true, status: true, result: true, code: true, createdAt: true },
    }),
    db.codeRun.findMany({
      where: { learnerId },
      ...newest,
      select: { scope: true, status: true, message: true, durationMs: true, code: true, calls: true, createdAt: true },
    }),
    db.labReveal.findMany({ where: { learnerId }, select: { labId: true, reason: true, revealedAt: true } }),
    labCode(learnerId),
  ])
  const truncated = [quizzes, checks, runs].some((rows) => rows.length > TIMELINE_LIMIT)
  const entries = buildTimeline({
    visits,
    quizzes: quizzes.slice(0, TIMELINE_LIMIT),
    checks: checks.slice(0, TIMELINE_LIMIT),
    runs: runs.slice(0, TIMELINE_LIMIT),
    reveals,
  })
  return { ...base, entries, truncated, labs }
}
