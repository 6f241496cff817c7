import { createHmac } from 'node:crypto'
import type { Answers, GradedQuiz } from './grade-quiz'
import type { Quiz } from './schema'
import { shuffleQuizForLearner } from './shuffle'

/**
 * Per-learner opaque option ids. Authored ids (`a`, `b`, …) carry the answer key's bias ("it's usually b") and would be
 * readable in the HTML and RSC payload, so the browser only ever sees an HMAC of them keyed by a server secret, the
 * learner, the section and the question. The same learner always gets the same ids (a reload keeps an attempt valid);
 * another learner's ids tell nothing; the server maps them back before grading, so stored answers keep real ids.
 * Pure apart from hashing: callers pass the secret (lib/content/option-secret.ts on the server).
 */

export type OptionIdScope = { secret: string; learnerId: string; section: string }

type Option = { id: string; text: string }
type QuestionWithOptions = { id: string; options: Option[] }

/** 16 base64url characters (96 bits): far beyond guessing, short enough to keep the payload small. */
const OPAQUE_LENGTH = 16

export function opaqueOptionId(scope: OptionIdScope, questionId: string, optionId: string): string {
  // NUL separators so ("ab", "c") and ("a", "bc") never hash the same input
  const input = [scope.learnerId, scope.section, questionId, optionId].join('\u0000')
  return `o${createHmac('sha256', scope.secret).update(input).digest('base64url').slice(0, OPAQUE_LENGTH)}`
}

/** The questions with every option id replaced by this learner's opaque id; order and everything else unchanged. */
export function withOpaqueOptionIds<Q extends QuestionWithOptions>(
  quiz: { questions: Q[] },
  scope: OptionIdScope,
): { questions: Q[] } {
  return {
    questions: quiz.questions.map((question) => ({
      ...question,
      options: question.options.map((option) => ({ ...option, id: opaqueOptionId(scope, question.id, option.id) })),
    })),
  }
}

export type RealAnswers = { answers: Answers } | { error: string }

/**
 * Maps submitted opaque ids back to authored ids. Anything not issued to this learner for this question is refused
 * with a message rather than silently dropped, so a stale page or a tampered request never grades as "wrong".
 */
export function toRealAnswers(quiz: Pick<Quiz, 'questions'>, scope: OptionIdScope, submitted: Answers): RealAnswers {
  const questions = new Map(quiz.questions.map((q) => [q.id, q]))
  const answers: Answers = {}
  for (const [questionId, chosen] of Object.entries(submitted)) {
    const question = questions.get(questionId)
    if (!question) return { error: `There is no question "${questionId}" in this quiz. Reload the page and try again.` }
    const byOpaque = new Map(question.options.map((o) => [opaqueOptionId(scope, question.id, o.id), o.id]))
    const real: string[] = []
    for (const opaque of chosen) {
      const id = byOpaque.get(opaque)
      if (id === undefined) {
        return {
          error: `Question "${questionId}" has no option "${opaque}". The quiz may have changed since the page loaded: reload it and answer again.`,
        }
      }
      real.push(id)
    }
    answers[questionId] = real
  }
  return { answers }
}

/** A graded attempt as the browser may see it: chosen and correct options under this learner's opaque ids. */
export function toOpaqueAttempt<A extends GradedQuiz>(attempt: A, scope: OptionIdScope): A {
  return {
    ...attempt,
    questions: attempt.questions.map((q) => ({
      ...q,
      chosen: q.chosen.map((id) => opaqueOptionId(scope, q.id, id)),
      correctOptions: q.correctOptions.map((id) => opaqueOptionId(scope, q.id, id)),
    })),
  }
}

/**
 * Everything the lesson page hands the quiz component: options in this learner's order under opaque ids, and the last
 * attempt in the same ids. One function so the page and the "no real ids in the props" test check the same thing.
 */
export function learnerQuizView<
  Q extends QuestionWithOptions & { type: 'single' | 'multiple' | 'true-false' },
  A extends GradedQuiz,
>(
  quiz: { questions: Q[] },
  lastAttempt: A | null,
  scope: OptionIdScope,
): { quiz: { questions: (Omit<Q, 'options'> & { options: Option[] })[] }; lastAttempt: A | null } {
  return {
    quiz: withOpaqueOptionIds(shuffleQuizForLearner(quiz, scope.learnerId, scope.section), scope),
    lastAttempt: lastAttempt && toOpaqueAttempt(lastAttempt, scope),
  }
}
