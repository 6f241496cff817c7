import type { Quiz } from './schema'

export type Answers = Record<string, string[]>
export type GradedQuestion = {
  id: string
  correct: boolean
  chosen: string[]
  correctOptions: string[]
  explanation: string
}
export type GradedQuiz = { score: number; total: number; questions: GradedQuestion[] }

/** A question scores only when exactly the correct set was chosen (no partial credit for multiple choice). */
export function gradeQuiz(quiz: Quiz, answers: Answers): GradedQuiz {
  const questions = quiz.questions.map((q) => {
    const chosen = [...new Set(answers[q.id] ?? [])].filter((id) => q.options.some((o) => o.id === id)).sort()
    const correctOptions = [...q.correct].sort()
    const correct = chosen.length === correctOptions.length && chosen.every((id, i) => id === correctOptions[i])
    return { id: q.id, correct, chosen, correctOptions, explanation: q.explanation }
  })
  return { score: questions.filter((q) => q.correct).length, total: questions.length, questions }
}
