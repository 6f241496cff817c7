import 'server-only'
import { db } from '../db/client'

/** When the learner did anything (reading, quizzes, checks) in the last 60 days: for the streak. */
export async function activityDates(learnerId: string): Promise<Date[]> {
  const since = new Date(Date.now() - 60 * 86_400_000)
  const [visits, quizzes, labs] = await Promise.all([
    db.lessonVisit.findMany({ where: { learnerId, lastVisitedAt: { gte: since } }, select: { lastVisitedAt: true } }),
    db.quizSubmission.findMany({ where: { learnerId, createdAt: { gte: since } }, select: { createdAt: true } }),
    db.labAttempt.findMany({ where: { learnerId, createdAt: { gte: since } }, select: { createdAt: true } }),
  ])
  return [...visits.map((v) => v.lastVisitedAt), ...quizzes.map((q) => q.createdAt), ...labs.map((l) => l.createdAt)]
}
