import { Rating, State } from 'ts-fsrs'
import { describe, expect, it } from 'vitest'
import { afterWrongQuizAnswer, isDue, ratingFor, schedule } from './review-schedule'

const now = new Date('2026-12-04T12:00:00Z')
const hours = (h: number) => h * 3_600_000
const after = (card: { due: Date }) => card.due.getTime() - now.getTime()

describe('review schedule', () => {
  it('rates wrong answers Again, unsure right answers Hard and right answers Good', () => {
    expect(ratingFor(false, false)).toBe(Rating.Again)
    expect(ratingFor(false, true)).toBe(Rating.Again)
    expect(ratingFor(true, true)).toBe(Rating.Hard)
    expect(ratingFor(true, false)).toBe(Rating.Good)
  })

  it('brings a question answered wrong back after an hour, not a minute', () => {
    const card = afterWrongQuizAnswer(null, now)
    expect(card).not.toBeNull()
    expect(after(card ?? { due: now })).toBe(hours(1))
    expect(card).toMatchObject({ state: State.Learning, reps: 1, lastRating: Rating.Again, lastReview: now })
    expect(isDue(card ?? { due: now }, now)).toBe(false)
    expect(isDue(card ?? { due: now }, new Date(now.getTime() + hours(1)))).toBe(true)
  })

  it('spaces reviews out as they are answered right, and pulls a forgotten one back', () => {
    const learning = afterWrongQuizAnswer(null, now)
    if (!learning) throw new Error('no card')
    const t1 = new Date(now.getTime() + hours(1))
    const review = schedule(learning, Rating.Good, t1)
    expect(review.state).toBe(State.Review)
    expect(review.due.getTime() - t1.getTime()).toBeGreaterThanOrEqual(hours(24))

    const t2 = review.due
    const longer = schedule(review, Rating.Good, t2)
    expect(longer.scheduledDays).toBeGreaterThan(review.scheduledDays)
    const harder = schedule(review, Rating.Hard, t2)
    expect(harder.scheduledDays).toBeLessThan(longer.scheduledDays)

    const lapsed = schedule(longer, Rating.Again, longer.due)
    expect(lapsed).toMatchObject({ state: State.Relearning, lapses: 1 })
    expect(lapsed.due.getTime() - longer.due.getTime()).toBe(hours(1))
  })

  it('does not push back a card in its learning step when the quiz is retried, but lapses a reviewed one', () => {
    const learning = afterWrongQuizAnswer(null, now)
    if (!learning) throw new Error('no card')
    expect(afterWrongQuizAnswer(learning, new Date(now.getTime() + 60_000))).toBeNull()
    const reviewed = schedule(learning, Rating.Good, new Date(now.getTime() + hours(1)))
    const early = new Date(now.getTime() + hours(2)) // before it is due again, but answered wrong: forgotten
    expect(afterWrongQuizAnswer(reviewed, early)).toMatchObject({ state: State.Relearning, lapses: 1 })
  })
})
