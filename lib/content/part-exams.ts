import 'server-only'
import { z } from 'zod'
import type { ExamLesson } from './exam'
import { getLessonFile } from './lessons'
import { loadOutline } from './outline'

export type PartExamSource = { id: string; title: string; lessons: ExamLesson[] }

/** The part's lessons that exist, in outline order, with their quizzes; undefined for an unknown part or one with none. */
export function partExamSource(partId: string): PartExamSource | undefined {
  const part = loadOutline().outline.parts.find((p) => p.id === partId)
  if (!part) return undefined
  const lessons = part.sections.flatMap((section) => {
    const file = getLessonFile(section.id)
    return file ? [{ section: section.id, title: file.frontmatter.title, quiz: file.quiz }] : []
  })
  return lessons.length > 0 ? { id: part.id, title: part.title, lessons } : undefined
}

/** Attempt numbers come from the URL and the request body; a new number draws a new exam. */
export const examAttempt = z.coerce.number().int().min(1).max(10_000)
