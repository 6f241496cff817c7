import type { Metadata } from 'next'
import Link from 'next/link'
import { findCurrentLearner } from '@/lib/auth/learner'
import { currentUser } from '@/lib/auth/session'
import { listLessons } from '@/lib/content/lessons'
import { loadOutline } from '@/lib/content/outline'
import { activityDates } from '@/lib/progress/activity'
import { courseProgress, lastVisited, type LessonProgress } from '@/lib/progress/lessons'
import { reviewSummary } from '@/lib/progress/review'
import { streakDays } from '@/lib/progress/streak'
import { fromNow } from '@/lib/progress/when'

export const metadata: Metadata = { title: 'My progress' }

/** The requesting learner's own progress only (anonymous or signed in); nothing is created by looking. */
export default async function MyProgress() {
  const [learner, user] = await Promise.all([findCurrentLearner(), currentUser()])
  const now = new Date()
  const [progress, last, dates, review] = learner
    ? await Promise.all([
        courseProgress(learner.id),
        lastVisited(learner.id),
        activityDates(learner.id),
        reviewSummary(learner.id, now),
      ])
    : [new Map<string, LessonProgress>(), null, [], null]
  const lessons = listLessons()
  const { outline } = loadOutline()
  const resume = last ? lessons.find((l) => l.section === last.section) : undefined
  const status = (p: LessonProgress | undefined) =>
    p?.complete ? 'completed' : p && (p.readPercent > 0 || p.bestScore !== null) ? 'in progress' : 'not started'
  return (
    <>
      <h1>My progress</h1>
      <p data-testid="progress-summary">
        {lessons.filter((l) => progress.get(l.section)?.complete).length} of {lessons.length} lessons completed ·{' '}
        streak: {streakDays(dates)} day{streakDays(dates) === 1 ? '' : 's'}
        {resume && (
          <>
            {' · '}
            <Link href={`/lessons/${resume.section}`}>Resume {resume.title}</Link>
          </>
        )}
      </p>
      <section aria-labelledby="review-queue" className="continue-card" data-testid="review-summary">
        <h2 id="review-queue">Review queue</h2>
        {review && review.queued > 0 ? (
          <p>
            {review.due > 0 ? (
              <>
                <strong>
                  {review.due} question{review.due === 1 ? '' : 's'} due now
                </strong>{' '}
                · <Link href="/progress/review">Review now</Link> ·{' '}
              </>
            ) : (
              <>Nothing due now · </>
            )}
            {review.queued} in your queue
            {review.nextDue && ` · the next comes back ${fromNow(review.nextDue, now)}`}
          </p>
        ) : (
          <p className="muted">
            Empty. Quiz questions you answer wrong come back here, spaced out until you know them.
          </p>
        )}
      </section>
      {!user && (
        <p className="muted">
          This progress lives in this browser. <Link href="/signup?next=/progress">Create an account</Link> to keep it.
        </p>
      )}
      {outline.parts.map((part) => {
        const partLessons = lessons.filter((l) => l.part === part.id)
        if (!partLessons.length) return null
        return (
          <section key={part.id} aria-labelledby={`progress-${part.id}`}>
            <h2 id={`progress-${part.id}`}>
              {part.title}{' '}
              <span className="muted">
                {partLessons.filter((l) => progress.get(l.section)?.complete).length} / {partLessons.length}
              </span>
            </h2>
            <ul>
              {partLessons.map((lesson) => {
                const p = progress.get(lesson.section)
                return (
                  <li key={lesson.section} data-section={lesson.section} data-status={status(p)}>
                    <Link href={`/lessons/${lesson.section}`}>{lesson.title}</Link> —{' '}
                    <span className="muted">
                      {status(p)}
                      {p?.bestScore != null && ` · best quiz ${p.bestScore}/${p.total}`}
                    </span>
                  </li>
                )
              })}
            </ul>
          </section>
        )
      })}
    </>
  )
}
