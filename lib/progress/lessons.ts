import 'server-only'
import { db } from '../db/client'

/** A lesson counts as complete once its quiz has been passed with at least this share of correct answers. */
export const PASS_RATIO = 0.7

export type LessonProgress = { readPercent: number; bestScore: number | null; total: number | null; complete: boolean }

/** Records that the learner is reading a lesson; reading progress only ever grows. */
export async function recordVisit(learnerId: string, section: string, readPercent: number) {
  const percent = Math.max(0, Math.min(100, Math.round(readPercent)))
  const existing = await db.lessonVisit.findUnique({
    where: { learnerId_section: { learnerId, section } },
    select: { readPercent: true },
  })
  await db.lessonVisit.upsert({
    where: { learnerId_section: { learnerId, section } },
    create: { learnerId, section, readPercent: percent },
    update: { readPercent: Math.max(percent, existing?.readPercent ?? 0), lastVisitedAt: new Date() },
    select: { section: true },
  })
}

export async function lastVisited(learnerId: string) {
  return db.lessonVisit.findFirst({
    where: { learnerId },
    orderBy: { lastVisitedAt: 'desc' },
    select: { section: true, readPercent: true, lastVisitedAt: true },
  })
}

/** Reading progress and best quiz result for every lesson the learner has touched. */
export async function courseProgress(learnerId: string): Promise<Map<string, LessonProgress>> {
  const [visits, submissions] = await Promise.all([
    db.lessonVisit.findMany({ where: { learnerId }, select: { section: true, readPercent: true } }),
    db.quizSubmission.findMany({ where: { learnerId }, select: { section: true, score: true, total: true } }),
  ])
  const progress = new Map<string, LessonProgress>()
  const entry = (section: string) => {
    let p = progress.get(section)
    if (!p) {
      p = { readPercent: 0, bestScore: null, total: null, complete: false }
      progress.set(section, p)
    }
    return p
  }
  for (const v of visits) entry(v.section).readPercent = v.readPercent
  for (const s of submissions) {
    const p = entry(s.section)
    if (p.bestScore === null || s.score > p.bestScore) {
      p.bestScore = s.score
      p.total = s.total
    }
    p.complete ||= s.total > 0 && s.score / s.total >= PASS_RATIO
  }
  return progress
}
