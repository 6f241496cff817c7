import { gradeQuiz, type Answers } from './grade-quiz'
import { opaqueOptionId, toRealAnswers } from './option-ids'
import type { Quiz, QuizQuestion } from './schema'
import { seededShuffle, shuffleOptions } from './shuffle'

/**
 * Part exams: a mixed set of questions drawn from the quizzes of one outline part, graded per lesson. Pure (the caller
 * loads lessons and the secret), so drawing and grading are unit-tested without a server.
 */

export type ExamLesson = { section: string; title: string; quiz: Quiz }
/** `key` is section/question id: question ids are only unique within one lesson's quiz. */
export type ExamQuestion = { key: string; section: string; question: QuizQuestion }
export type ExamSeed = { learnerId: string; part: string; attempt: number }

export const EXAM_MIN = 20
export const EXAM_MAX = 30

/**
 * How many questions a part's exam has: two per lesson, kept within 20–30; a small part whose quizzes hold fewer than
 * 20 questions in all gets every one of them.
 */
export function examSize(lessons: ExamLesson[]): number {
  const available = lessons.reduce((n, l) => n + l.quiz.questions.length, 0)
  return Math.min(available, Math.max(EXAM_MIN, Math.min(EXAM_MAX, lessons.length * 2)))
}

const seedText = (seed: ExamSeed, ...rest: string[]) =>
  [seed.learnerId, seed.part, String(seed.attempt), ...rest].join('\u0000')

/**
 * Draws the exam: each lesson's questions in a seeded order with scenarios first, then one question per lesson per
 * round until the size is reached, so every lesson is asked at least once when the size allows (a part with more
 * lessons than 30 picks which lessons by the same seed). The same learner and attempt always get the same exam, so a
 * reload or the grader sees exactly what was shown; the final order is shuffled so lessons are mixed.
 */
export function drawExam(lessons: ExamLesson[], seed: ExamSeed): ExamQuestion[] {
  const size = examSize(lessons)
  const queues = seededShuffle(lessons, seedText(seed, 'lessons')).map((lesson) => {
    const shuffled = seededShuffle(lesson.quiz.questions, seedText(seed, lesson.section))
    const ordered = [...shuffled.filter((q) => q.kind === 'scenario'), ...shuffled.filter((q) => q.kind !== 'scenario')]
    return { section: lesson.section, questions: ordered }
  })
  const drawn: ExamQuestion[] = []
  for (let round = 0; drawn.length < size; round++) {
    let added = false
    for (const queue of queues) {
      const question = queue.questions[round]
      if (!question || drawn.length >= size) continue
      drawn.push({ key: `${queue.section}/${question.id}`, section: queue.section, question })
      added = true
    }
    if (!added) break
  }
  return seededShuffle(drawn, seedText(seed, 'order'))
}

export type PublicExamQuestion = {
  key: string
  section: string
  lessonTitle: string
  type: QuizQuestion['type']
  prompt: string
  options: { id: string; text: string }[]
}

/**
 * What the browser may see of an exam: prompts and options in this learner's order under opaque ids (the same ids as
 * on the lesson page, keyed by the question's own section); no answers, no explanations.
 */
export function publicExam(
  exam: ExamQuestion[],
  lessons: ExamLesson[],
  secret: string,
  learnerId: string,
): PublicExamQuestion[] {
  const titles = new Map(lessons.map((l) => [l.section, l.title]))
  return exam.map(({ key, section, question }) => {
    const scope = { secret, learnerId, section }
    return {
      key,
      section,
      lessonTitle: titles.get(section) ?? section,
      type: question.type,
      prompt: question.prompt,
      options: shuffleOptions(question, learnerId, section).map((o) => ({
        id: opaqueOptionId(scope, question.id, o.id),
        text: o.text,
      })),
    }
  })
}

export type ExamMiss = {
  key: string
  section: string
  lessonTitle: string
  prompt: string
  chosen: string[]
  correct: string[]
  explanation: string
}
export type ExamResult = {
  score: number
  total: number
  /** Per lesson, in outline order; only lessons the exam asked about. */
  lessons: { section: string; title: string; score: number; total: number }[]
  misses: ExamMiss[]
}

/**
 * Grades submitted opaque answers against the drawn exam. Unanswered questions count as missed; a key that is not in
 * this exam or an option id not issued to this learner is refused, like the lesson quiz route. `answers` are the
 * authored ids per exam key, for storing; only `result` goes back to the browser.
 */
export function gradeExam(
  exam: ExamQuestion[],
  lessons: ExamLesson[],
  secret: string,
  learnerId: string,
  submitted: Answers,
): { result: ExamResult; answers: Answers } | { error: string } {
  const byKey = new Map(exam.map((q) => [q.key, q]))
  for (const key of Object.keys(submitted)) {
    if (!byKey.has(key)) return { error: `Question "${key}" is not part of this exam. Reload the page and try again.` }
  }
  const perLesson = new Map<string, { score: number; total: number }>()
  const misses: ExamMiss[] = []
  const chosen: Answers = {}
  const titles = new Map(lessons.map((l) => [l.section, l.title]))
  for (const { key, section, question } of exam) {
    const scope = { secret, learnerId, section }
    const real = toRealAnswers({ questions: [question] }, scope, { [question.id]: submitted[key] ?? [] })
    if ('error' in real) return real
    const graded = gradeQuiz({ questions: [question] }, real.answers).questions[0]
    chosen[key] = graded?.chosen ?? []
    const tally = perLesson.get(section) ?? { score: 0, total: 0 }
    tally.total += 1
    if (graded?.correct) tally.score += 1
    perLesson.set(section, tally)
    if (graded && !graded.correct) {
      const text = (ids: string[]) => question.options.filter((o) => ids.includes(o.id)).map((o) => o.text)
      misses.push({
        key,
        section,
        lessonTitle: titles.get(section) ?? section,
        prompt: question.prompt,
        chosen: text(graded.chosen),
        correct: text(graded.correctOptions),
        explanation: question.explanation,
      })
    }
  }
  const lessonScores = lessons.flatMap((l) => {
    const tally = perLesson.get(l.section)
    return tally ? [{ section: l.section, title: l.title, ...tally }] : []
  })
  return {
    result: { score: lessonScores.reduce((n, l) => n + l.score, 0), total: exam.length, lessons: lessonScores, misses },
    answers: chosen,
  }
}
