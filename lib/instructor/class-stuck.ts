import 'server-only'
import type { SessionUser } from '../auth/session'
import { db } from '../db/client'
import { PASS_RATIO } from '../progress/lessons'
import { resultSchema } from '../results'
import { classLearnerIds, ofLearners, teachableClass } from './access'
import { stepHref, stepTitle } from './step-titles'
import { LOOKBACK_MINUTES, STUCK_RULES, describeReason, detectStuck, type ActivityEvent } from './stuck'

export type StuckRow = {
  userId: string
  name: string
  email: string
  step: string
  stepTitle: string
  stepHref: string
  why: string[]
  lastActivityAt: string
}

function failingExpectations(json: string) {
  try {
    const parsed = resultSchema.safeParse(JSON.parse(json))
    if (!parsed.success) return []
    return parsed.data.expectations
      .filter((e) => e.status === 'fail')
      .map(({ name, expected, actual }) => ({ name, expected, actual }))
  } catch {
    return []
  }
}

/** The class's learners' activity in the last LOOKBACK_MINUTES, as events for detectStuck. */
async function recentActivity(classId: string, learnerIds: string[], now: Date): Promise<ActivityEvent[]> {
  const since = new Date(now.getTime() - LOOKBACK_MINUTES * 60_000)
  const activeSince = new Date(now.getTime() - STUCK_RULES.activeWithinMinutes * 60_000)
  const inClass = ofLearners(classId, learnerIds)
  const [runs, checks, quizzes, visits, drafts] = await Promise.all([
    db.codeRun.findMany({
      where: { ...inClass, createdAt: { gte: since } },
      select: { learnerId: true, scope: true, status: true, createdAt: true },
    }),
    db.labAttempt.findMany({
      where: { ...inClass, createdAt: { gte: since } },
      select: { learnerId: true, labId: true, status: true, result: true, createdAt: true },
    }),
    db.quizSubmission.findMany({
      where: { ...inClass, createdAt: { gte: since } },
      select: { learnerId: true, section: true, score: true, total: true, createdAt: true },
    }),
    // reading only shows that someone is here (it is never a step of a streak): the latest visit per learner will do
    db.lessonVisit.groupBy({
      by: ['learnerId'],
      where: { ...inClass, lastVisitedAt: { gte: activeSince } },
      _max: { lastVisitedAt: true },
    }),
    db.labDraft.findMany({
      where: { ...inClass, updatedAt: { gte: since } },
      select: { learnerId: true, labId: true, updatedAt: true },
    }),
  ])
  return [
    ...runs.map((r): ActivityEvent => ({
      learnerId: r.learnerId,
      at: r.createdAt,
      step: r.scope,
      kind: 'run',
      ok: r.status === 'pass',
    })),
    ...checks.map((c): ActivityEvent => ({
      learnerId: c.learnerId,
      at: c.createdAt,
      step: `lab:${c.labId}`,
      kind: 'check',
      ok: c.status === 'pass',
      failing: c.status === 'pass' ? [] : failingExpectations(c.result),
    })),
    ...quizzes.map((q): ActivityEvent => ({
      learnerId: q.learnerId,
      at: q.createdAt,
      step: `lesson:${q.section}`,
      kind: 'quiz',
      ok: q.total > 0 && q.score / q.total >= PASS_RATIO,
    })),
    ...visits.flatMap((v): ActivityEvent[] =>
      v._max.lastVisitedAt
        ? [{ learnerId: v.learnerId, at: v._max.lastVisitedAt, step: 'reading', kind: 'visit', ok: null }]
        : [],
    ),
    ...drafts.map((d): ActivityEvent => ({
      learnerId: d.learnerId,
      at: d.updatedAt,
      step: `lab:${d.labId}`,
      kind: 'draft',
      ok: null,
    })),
  ]
}

/** Who in the class looks stuck now and why, or null when the class is not the actor's (callers answer 404). */
export async function classStuckNow(actor: SessionUser, classId: string, now = new Date()): Promise<StuckRow[] | null> {
  return (await teachableClass(actor, classId)) && stuckNowIn(classId, now)
}

/** classStuckNow for a class whose access the caller has already checked (and, maybe, whose learners it knows). */
export async function stuckNowIn(classId: string, now: Date, learnerIds?: string[]): Promise<StuckRow[]> {
  const ids = learnerIds ?? (await classLearnerIds(classId))
  const stuckLearners = detectStuck(await recentActivity(classId, ids, now), now, STUCK_RULES)
  if (stuckLearners.length === 0) return []
  const members = await db.classMember.findMany({
    where: { classId, user: { learner: { id: { in: stuckLearners.map((s) => s.learnerId) } } } },
    select: { user: { select: { id: true, name: true, email: true, learner: { select: { id: true } } } } },
  })
  const byLearner = new Map(members.flatMap(({ user }) => (user.learner ? [[user.learner.id, user] as const] : [])))
  return stuckLearners.flatMap((stuck) => {
    const user = byLearner.get(stuck.learnerId)
    const step = stuck.reasons[0]?.step
    if (!user || !step) return []
    return [
      {
        userId: user.id,
        name: user.name,
        email: user.email,
        step,
        stepTitle: stepTitle(step),
        stepHref: stepHref(step),
        why: stuck.reasons.map((reason) => describeReason(reason, stepTitle)),
        lastActivityAt: stuck.lastActivityAt.toISOString(),
      },
    ]
  })
}
