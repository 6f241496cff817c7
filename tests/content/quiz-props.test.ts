import { describe, expect, it } from 'vitest'
import { gradeQuiz } from '@/lib/content/grade-quiz'
import { listLessonDirs, readLessonDir } from '@/lib/content/lesson-files'
import { learnerQuizView } from '@/lib/content/option-ids'

/**
 * The answer key must not be readable from the page: the quiz props (serialized into the HTML and RSC payload) carry
 * opaque option ids only, for the quiz and for a previous attempt alike, in every lesson.
 */
describe('rendered quiz props', () => {
  const lessons = listLessonDirs().map(readLessonDir)

  it.each(lessons.map((l) => [l.section, l] as const))(
    '%s: no authored option id reaches the browser',
    (section, lesson) => {
      const scope = { secret: 'props-test-secret-0123456789abcdef', learnerId: 'learner-props', section }
      const everyAnswer = Object.fromEntries(lesson.quiz.questions.map((q) => [q.id, q.options.map((o) => o.id)]))
      const attempt = {
        ...gradeQuiz(lesson.quiz, everyAnswer),
        submittedAt: '2026-12-04T00:00:00.000Z',
        durationMs: null,
      }
      const props = learnerQuizView(
        { questions: lesson.quiz.questions.map(({ id, type, prompt, options }) => ({ id, type, prompt, options })) },
        attempt,
        scope,
      )
      const json = JSON.stringify(props)
      for (const question of lesson.quiz.questions) {
        for (const option of question.options) {
          expect(json).not.toContain(`"id":"${option.id}"`)
          expect(json).not.toContain(`"${option.id}"]`)
          expect(json).not.toContain(`["${option.id}"`)
        }
      }
      expect(JSON.stringify(props.quiz)).not.toContain('"correct"')
      expect(JSON.stringify(props.quiz)).not.toContain('"explanation"')
    },
  )
})

describe('quiz prompts', () => {
  // the quiz, the part exam and the review queue all add "(select all that apply)" to multiple-answer questions
  it('do not repeat the "select all that apply" instruction the page adds', () => {
    const repeated = listLessonDirs()
      .map(readLessonDir)
      .flatMap((l) => l.quiz.questions.filter((q) => /all that apply/i.test(q.prompt)).map((q) => `${l.section}/${q.id}`))
    expect(repeated).toEqual([])
  })
})
