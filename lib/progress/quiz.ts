import 'server-only'
import { randomUUID } from 'node:crypto'
import { db } from '../db/client'
import { gradeQuiz, type Answers, type GradedQuiz } from '../content/grade-quiz'
import type { Quiz } from '../content/schema'
import { reportLtiScore } from '../lti/report'
import { queueWrongAnswers } from './review'

export type QuizAttempt = GradedQuiz & { submittedAt: string; durationMs: number | null }

/** Grades on the server (the browser never sees the answers first), stores the submission, queues wrong answers. */
export async function submitQuiz(
  learnerId: string,
  section: string,
  quiz: Quiz,
  answers: Answers,
  durationMs: number | null,
): Promise<QuizAttempt> {
  const graded = gradeQuiz(quiz, answers)
  const chosen = Object.fromEntries(graded.questions.map((q) => [q.id, q.chosen]))
  const saved = await db.quizSubmission.create({
    data: {
      id: randomUUID(),
      learnerId,
      section,
      answers: JSON.stringify(chosen),
      score: graded.score,
      total: graded.total,
      durationMs,
    },
    select: { createdAt: true },
  })
  await queueWrongAnswers(learnerId, section, graded, saved.createdAt)
  // a learner who opened this lesson from an LMS gets the score in its gradebook too (never throws)
  await reportLtiScore(learnerId, { kind: 'quiz', id: section, scoreGiven: graded.score, scoreMaximum: graded.total })
  return { ...graded, submittedAt: saved.createdAt.toISOString(), durationMs }
}

/** The learner's latest submission, re-graded against the current quiz so explanations stay current. */
export async function lastQuizAttempt(learnerId: string, section: string, quiz: Quiz): Promise<QuizAttempt | null> {
  const last = await db.quizSubmission.findFirst({
    where: { learnerId, section },
    orderBy: { createdAt: 'desc' },
    select: { answers: true, createdAt: true, durationMs: true },
  })
  if (!last) return null
  const answers: unknown = JSON.parse(last.answers)
  return {
    ...gradeQuiz(quiz, toAnswers(answers)),
    submittedAt: last.createdAt.toISOString(),
    durationMs: last.durationMs,
  }
}

export function toAnswers(value: unknown): Answers {
  const answers: Answers = {}
  if (typeof value !== 'object' || value === null) return answers
  for (const [id, chosen] of Object.entries(value)) {
    if (Array.isArray(chosen)) answers[id] = chosen.filter((c): c is string => typeof c === 'string')
  }
  return answers
}
