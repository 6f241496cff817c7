import 'server-only'
import { getLessonFile } from '../content/lessons'
import { gradeQuiz, type GradedQuestion, type GradedQuiz } from '../content/grade-quiz'
import { learnerQuizView } from '../content/option-ids'
import { optionIdScope } from '../content/option-secret'
import { db } from '../db/client'
import { afterWrongQuizAnswer, ratingFor, schedule, type StoredCard } from './review-schedule'

/** The FSRS columns of a ReviewCard, read and written the same way everywhere. */
const cardColumns = {
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
  lastRating: true,
} as const

export type ReviewSummary = { due: number; queued: number; nextDue: Date | null }
export type DueReview = { section: string; questionId: string; due: Date; lapses: number }
export type ReviewAnswer = GradedQuestion & { nextDue: Date }

/**
 * Puts the questions a graded quiz got wrong into the learner's review queue (or lapses them there). A question left
 * unanswered was not got wrong: it stays out.
 */
export async function queueWrongAnswers(learnerId: string, section: string, graded: GradedQuiz, now = new Date()) {
  const wrong = graded.questions.filter((q) => !q.correct && q.chosen.length > 0).map((q) => q.id)
  if (wrong.length === 0) return
  const existing = await db.reviewCard.findMany({
    where: { learnerId, section, questionId: { in: wrong } },
    select: { questionId: true, ...cardColumns },
  })
  const byQuestion = new Map(existing.map((card) => [card.questionId, card]))
  for (const questionId of wrong) {
    const card = afterWrongQuizAnswer(byQuestion.get(questionId) ?? null, now)
    if (!card) continue
    await db.reviewCard.upsert({
      where: { learnerId_section_questionId: { learnerId, section, questionId } },
      create: { learnerId, section, questionId, ...card },
      update: card,
      select: { questionId: true },
    })
  }
}

/** Questions whose quiz no longer has them (content changed) stay stored but are never asked. */
const stillAsked = (section: string, questionId: string) =>
  getLessonFile(section)?.quiz.questions.some((q) => q.id === questionId) ?? false

/** How many questions are due now, how many are queued in all, and when the next one comes back. */
export async function reviewSummary(learnerId: string, now = new Date()): Promise<ReviewSummary> {
  const cards = await db.reviewCard.findMany({
    where: { learnerId },
    orderBy: { due: 'asc' },
    select: { section: true, questionId: true, due: true },
  })
  const asked = cards.filter((c) => stillAsked(c.section, c.questionId))
  return {
    due: asked.filter((c) => c.due <= now).length,
    queued: asked.length,
    nextDue: asked.find((c) => c.due > now)?.due ?? null,
  }
}

/** The learner's due questions, the longest overdue first. */
export async function dueReviews(learnerId: string, now = new Date(), limit = 20): Promise<DueReview[]> {
  const cards = await db.reviewCard.findMany({
    where: { learnerId, due: { lte: now } },
    orderBy: { due: 'asc' },
    take: limit * 2, // a few may belong to questions that were removed from their quiz
    select: { section: true, questionId: true, due: true, lapses: true },
  })
  return cards.filter((c) => stillAsked(c.section, c.questionId)).slice(0, limit)
}

export async function isQueued(learnerId: string, section: string, questionId: string): Promise<boolean> {
  const card = await db.reviewCard.findUnique({
    where: { learnerId_section_questionId: { learnerId, section, questionId } },
    select: { questionId: true },
  })
  return card !== null
}

/**
 * Grades one review answer (authored option ids) and schedules the question's next review. Null when the question
 * is not in this learner's queue or no longer in its quiz: the caller answers 404, so nobody learns about another
 * learner's queue.
 */
export async function answerReview(
  learnerId: string,
  section: string,
  questionId: string,
  chosen: string[],
  unsure: boolean,
  now = new Date(),
): Promise<ReviewAnswer | null> {
  const question = getLessonFile(section)?.quiz.questions.find((q) => q.id === questionId)
  if (!question) return null
  const key = { learnerId_section_questionId: { learnerId, section, questionId } }
  const card: StoredCard | null = await db.reviewCard.findUnique({ where: key, select: cardColumns })
  if (!card) return null
  const graded = gradeQuiz({ questions: [question] }, { [questionId]: chosen }).questions[0]
  if (!graded) return null
  const next = schedule(card, ratingFor(graded.correct, unsure), now)
  await db.reviewCard.update({ where: key, data: next, select: { questionId: true } })
  return { ...graded, nextDue: next.due }
}

export type ReviewQuestion = {
  section: string
  lessonTitle: string
  due: Date
  question: { id: string; type: 'single' | 'multiple' | 'true-false'; prompt: string; options: OpaqueOption[] }
}
type OpaqueOption = { id: string; text: string }

/**
 * Due questions as the review page shows them: the lesson's option order for this learner and opaque option ids
 * (lib/content/option-ids.ts), no answers and no explanations until the learner has answered.
 */
export async function dueReviewQuestions(learnerId: string, now = new Date(), limit = 20): Promise<ReviewQuestion[]> {
  return (await dueReviews(learnerId, now, limit)).flatMap(({ section, questionId, due }) => {
    const lesson = getLessonFile(section)
    const question = lesson?.quiz.questions.find((q) => q.id === questionId)
    if (!lesson || !question) return []
    const { quiz } = learnerQuizView({ questions: [question] }, null, optionIdScope(learnerId, section))
    const shown = quiz.questions[0]
    if (!shown) return []
    const { id, type, prompt, options } = shown
    return [{ section, lessonTitle: lesson.frontmatter.title, due, question: { id, type, prompt, options } }]
  })
}
