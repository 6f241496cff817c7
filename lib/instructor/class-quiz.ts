import 'server-only'
import { z } from 'zod'
import type { SessionUser } from '../auth/session'
import { classForInstructor } from '../classes/classes'
import { getLessonFile } from '../content/lessons'
import { db } from '../db/client'
import { itemAnalysis, type ItemStats } from './item-analysis'

const answersJson = z.record(z.string(), z.array(z.string()).max(20)).catch({})

/** Item analysis of one lesson's quiz over the class's learners (first submission each), or null: 404. */
export async function classQuizAnalysis(
  actor: SessionUser,
  classId: string,
  section: string,
): Promise<{ title: string; lessonTitle: string; learners: number; items: ItemStats[] } | null> {
  const [found, lesson] = [await classForInstructor(actor, classId), getLessonFile(section)]
  if (!found || !lesson) return null
  const submissions = await db.quizSubmission.findMany({
    where: { section, learner: { user: { memberships: { some: { classId } } } } },
    orderBy: { createdAt: 'asc' },
    select: { learnerId: true, answers: true },
  })
  const first = new Map<string, string>()
  for (const s of submissions) if (!first.has(s.learnerId)) first.set(s.learnerId, s.answers)
  const answers = [...first.values()].map((json) => answersJson.parse(safeJson(json)))
  return {
    title: found.title,
    lessonTitle: lesson.frontmatter.title,
    learners: answers.length,
    items: itemAnalysis(lesson.quiz, answers),
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return {}
  }
}
