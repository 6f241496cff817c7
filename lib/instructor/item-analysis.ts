import { gradeQuiz, type Answers } from '../content/grade-quiz'
import type { Quiz } from '../content/schema'

export type ItemStats = {
  questionId: string
  prompt: string
  answered: number
  percentCorrect: number | null
  /** The wrong option picked most often, with how many picked it; null when nobody chose a wrong option. */
  topWrongOption: { id: string; text: string; count: number } | null
  /** Upper–lower discrimination index (top 27 % minus bottom 27 % by total score), −1…1; null below 4 learners. */
  discrimination: number | null
}

/**
 * Classic item analysis over one submission per learner (their first, so retries after seeing the answers do not
 * inflate it). Grading uses the current quiz, like the learner's own page.
 */
export function itemAnalysis(quiz: Quiz, submissions: Answers[]): ItemStats[] {
  const graded = submissions.map((answers) => gradeQuiz(quiz, answers))
  const ranked = [...graded].sort((a, b) => b.score - a.score)
  const groupSize = Math.max(1, Math.round(ranked.length * 0.27))
  const upper = ranked.slice(0, groupSize)
  const lower = ranked.slice(-groupSize)
  const share = (group: typeof graded, id: string) =>
    group.filter((g) => g.questions.find((q) => q.id === id)?.correct).length / group.length

  return quiz.questions.map((question) => {
    const results = graded.flatMap((g) => g.questions.filter((q) => q.id === question.id && q.chosen.length > 0))
    const wrongPicks = new Map<string, number>()
    for (const r of results)
      for (const id of r.chosen) if (!question.correct.includes(id)) wrongPicks.set(id, (wrongPicks.get(id) ?? 0) + 1)
    const [topId, topCount] = [...wrongPicks].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? []
    const option = question.options.find((o) => o.id === topId)
    return {
      questionId: question.id,
      prompt: question.prompt,
      answered: results.length,
      percentCorrect: results.length
        ? Math.round((100 * results.filter((r) => r.correct).length) / results.length)
        : null,
      topWrongOption: option && topCount ? { id: option.id, text: option.text, count: topCount } : null,
      discrimination:
        ranked.length >= 4 ? Math.round((share(upper, question.id) - share(lower, question.id)) * 100) / 100 : null,
    }
  })
}
