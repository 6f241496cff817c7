import 'server-only'
import { randomUUID } from 'node:crypto'
import { db } from '../db/client'
import type { Answers } from '../content/grade-quiz'

export type ExamSummary = { attempt: number; score: number; total: number; submittedAt: string }

/** Stores a graded part exam with the authored option ids (the route has already mapped the opaque ones back). */
export async function saveExamSubmission(
  learnerId: string,
  part: string,
  attempt: number,
  answers: Answers,
  graded: { score: number; total: number },
): Promise<ExamSummary> {
  const saved = await db.examSubmission.create({
    data: {
      id: randomUUID(),
      learnerId,
      part,
      attempt,
      answers: JSON.stringify(answers),
      score: graded.score,
      total: graded.total,
    },
    select: { attempt: true, score: true, total: true, createdAt: true },
  })
  return { attempt: saved.attempt, score: saved.score, total: saved.total, submittedAt: saved.createdAt.toISOString() }
}

/** The learner's latest exam in this part, or null before the first. */
export async function lastExamSubmission(learnerId: string, part: string): Promise<ExamSummary | null> {
  const last = await db.examSubmission.findFirst({
    where: { learnerId, part },
    orderBy: { createdAt: 'desc' },
    select: { attempt: true, score: true, total: true, createdAt: true },
  })
  return (
    last && { attempt: last.attempt, score: last.score, total: last.total, submittedAt: last.createdAt.toISOString() }
  )
}

/**
 * The attempt to draw when the URL names none: one after the highest submitted, so a reload before submitting shows
 * the same exam and coming back after submitting gives new questions.
 */
export async function nextExamAttempt(learnerId: string, part: string): Promise<number> {
  const highest = await db.examSubmission.findFirst({
    where: { learnerId, part },
    orderBy: { attempt: 'desc' },
    select: { attempt: true },
  })
  return (highest?.attempt ?? 0) + 1
}
