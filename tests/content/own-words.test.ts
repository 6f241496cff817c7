import { expect, it } from 'vitest'
import { listLessonDirs, readLessonDir } from '@/lib/content/lesson-files'
import { COPIED_RUN_WORDS, copiedRuns } from '@/lib/content/seed-coverage'

// Facts carry over from the seed notes, sentences don't: no lesson or quiz repeats a run of ten or more seed words.
it(`writes every lesson in its own words (no ${COPIED_RUN_WORDS}-word run copied from the seed)`, () => {
  const copied = listLessonDirs()
    .map(readLessonDir)
    .flatMap((lesson) => {
      const quiz = lesson.quiz.questions
        .map((q) => `${q.prompt}\n${q.options.map((o) => o.text).join('\n')}\n${q.explanation}`)
        .join('\n')
      return copiedRuns(`${lesson.body}\n${quiz}`).map((run) => `${lesson.section}: "${run}"`)
    })
  expect(copied).toEqual([])
})
