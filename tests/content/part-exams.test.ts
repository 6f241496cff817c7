import { describe, expect, it } from 'vitest'
import { drawExam, examSize, EXAM_MAX, EXAM_MIN, type ExamLesson } from '@/lib/content/exam'
import { listLessonDirs, readLessonDir } from '@/lib/content/lesson-files'
import { loadOutline } from '@/lib/content/outline'

/** Every outline part with lessons gets a fair exam from the real quizzes. */
describe('part exams', () => {
  const files = new Map(
    listLessonDirs()
      .map(readLessonDir)
      .map((l) => [l.section, l]),
  )
  const parts = loadOutline().outline.parts.map((part) => ({
    id: part.id,
    lessons: part.sections.flatMap((s): ExamLesson[] => {
      const file = files.get(s.id)
      return file ? [{ section: s.id, title: file.frontmatter.title, quiz: file.quiz }] : []
    }),
  }))

  it.each(parts.filter((p) => p.lessons.length > 0).map((p) => [p.id, p] as const))('%s', (part, { lessons }) => {
    const available = lessons.reduce((n, l) => n + l.quiz.questions.length, 0)
    const exam = drawExam(lessons, { learnerId: 'learner-exam', part, attempt: 1 })
    expect(exam).toHaveLength(examSize(lessons))
    expect(exam.length).toBeLessThanOrEqual(EXAM_MAX)
    expect(exam.length).toBe(Math.min(available, Math.max(EXAM_MIN, exam.length)))
    expect(new Set(exam.map((q) => q.key)).size).toBe(exam.length)
    if (lessons.length <= EXAM_MAX) expect(new Set(exam.map((q) => q.section)).size).toBe(lessons.length)
  })
})
