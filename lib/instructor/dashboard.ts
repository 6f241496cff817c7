import 'server-only'
import type { SessionUser } from '../auth/session'
import { teachableClass } from './access'
import { lessonBars, scoreHistogram, type LessonBar, type ScoreBin } from './charts'
import { classQuizBuckets, classStartedLessons } from './class-overview'
import { progressOf, rosterOf, type ClassProgress } from './class-progress'
import { stuckNowIn, type StuckRow } from './class-stuck'

export type ClassDashboard = {
  progress: ClassProgress
  bars: LessonBar[]
  scores: ScoreBin[]
  stuck: StuckRow[]
  at: Date
}

/**
 * Everything the class dashboard shows, in one round of parallel queries: a page of the matrix, the class-wide chart
 * aggregates and who is stuck now. Null when the class is not the actor's (404). `npm run bench:dashboard` times it.
 */
export async function classDashboard(
  actor: SessionUser,
  classId: string,
  page = 1,
  now = new Date(),
): Promise<ClassDashboard | null> {
  const found = await teachableClass(actor, classId)
  if (!found) return null
  const roster = await rosterOf(classId)
  const learnerIds = roster.flatMap((r) => (r.learnerId ? [r.learnerId] : []))
  const [progress, quiz, started, stuck] = await Promise.all([
    progressOf(found, page, roster),
    classQuizBuckets(classId),
    classStartedLessons(classId, learnerIds),
    stuckNowIn(classId, now, learnerIds),
  ])
  const current = new Set(progress.lessons.map((l) => l.section))
  return {
    progress,
    bars: lessonBars(progress.lessons, started, quiz),
    scores: scoreHistogram(quiz, current),
    stuck,
    at: now,
  }
}
