import type { Metadata } from 'next'
import Link from 'next/link'
import { ReviewQueue } from '@/components/progress/ReviewQueue'
import { findCurrentLearner } from '@/lib/auth/learner'
import { dueReviewQuestions, reviewSummary } from '@/lib/progress/review'
import { fromNow } from '@/lib/progress/when'

export const metadata: Metadata = { title: 'Review' }

/** The requesting learner's due review questions (their own queue only); nothing is created by looking. */
export default async function ReviewPage() {
  const learner = await findCurrentLearner()
  const now = new Date()
  const [items, summary] = learner
    ? await Promise.all([dueReviewQuestions(learner.id, now), reviewSummary(learner.id, now)])
    : [[], null]
  return (
    <>
      <p className="eyebrow">
        <Link href="/progress">My progress</Link> · review
      </p>
      <h1>Review</h1>
      <p className="muted">
        Quiz questions you answered wrong come back here on a spaced-repetition schedule: soon after a miss, then
        further apart each time you get them right.
      </p>
      {items.length > 0 ? (
        <ReviewQueue items={items.map(({ section, lessonTitle, question }) => ({ section, lessonTitle, question }))} />
      ) : (
        <p role="status" data-testid="review-empty">
          Nothing to review right now.
          {summary?.nextDue && ` The next question comes back ${fromNow(summary.nextDue, now)}.`}
        </p>
      )}
    </>
  )
}
