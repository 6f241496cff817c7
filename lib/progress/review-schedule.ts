import { createEmptyCard, fsrs, generatorParameters, Rating, State, type Card, type Grade } from 'ts-fsrs'
import { z } from 'zod'

/**
 * The review queue's schedule with ts-fsrs (docs/decisions/0009-charts-and-review-scheduling.md). Pure: the database
 * code (lib/progress/review.ts) stores the card these functions return.
 *
 * FSRS's defaults are for flashcard sessions (steps of 1 and 10 minutes). A course question answered wrong has just
 * been explained, so asking it again a minute later tests short-term memory only: one hour before the first
 * re-ask, one hour again after a lapse, then FSRS's intervals (90 % recall target, at most a year, fuzzed so a
 * quiz's questions do not all come back the same day).
 */
const scheduler = fsrs(
  generatorParameters({
    request_retention: 0.9,
    maximum_interval: 365,
    enable_fuzz: true,
    learning_steps: ['1h'],
    relearning_steps: ['1h'],
  }),
)

/** The card as stored (one ReviewCard row without its keys). */
export type StoredCard = {
  due: Date
  stability: number
  difficulty: number
  elapsedDays: number
  scheduledDays: number
  learningSteps: number
  reps: number
  lapses: number
  state: number
  lastReview: Date | null
  lastRating: number | null
}

const stateSchema = z.enum(State).catch(State.New)

function toCard(row: StoredCard): Card {
  return {
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: stateSchema.parse(row.state),
    last_review: row.lastReview ?? undefined,
  }
}

function toStored(card: Card, rating: Grade): StoredCard {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ?? null,
    lastRating: rating,
  }
}

/**
 * How an answer is rated: wrong is Again; right but marked "I was unsure" is Hard; right is Good. Easy is never given:
 * a multiple-choice question answered right says nothing about it having been effortless.
 */
export function ratingFor(correct: boolean, unsure: boolean): Grade {
  if (!correct) return Rating.Again
  return unsure ? Rating.Hard : Rating.Good
}

/** Schedules the next review after an answer; `existing` is null for a question entering the queue. */
export function schedule(existing: StoredCard | null, rating: Grade, now: Date): StoredCard {
  const card = existing ? toCard(existing) : createEmptyCard(now)
  return toStored(scheduler.next(card, now, rating).card, rating)
}

/**
 * A wrong answer in a lesson quiz: a question entering the queue is rated Again (back in an hour); a card in long-term
 * review lapses (Again). A card still in its short (re)learning step is left alone, or retrying a quiz over and
 * over would keep pushing its review away.
 */
export function afterWrongQuizAnswer(existing: StoredCard | null, now: Date): StoredCard | null {
  if (existing && existing.state !== State.Review && existing.due > now) return null
  return schedule(existing, Rating.Again, now)
}

export const isDue = (card: Pick<StoredCard, 'due'>, now: Date) => card.due <= now
