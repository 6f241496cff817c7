import { z } from 'zod'
import { refuseCrossOrigin } from '@/lib/auth/guard'
import { findCurrentLearner } from '@/lib/auth/learner'
import { getLessonFile } from '@/lib/content/lessons'
import { opaqueOptionId, toRealAnswers } from '@/lib/content/option-ids'
import { optionIdScope } from '@/lib/content/option-secret'
import { answerReview, isQueued } from '@/lib/progress/review'
import { parseBody } from '@/lib/runner/request'

const reviewBody = z.object({
  section: z.string().min(1).max(100),
  questionId: z.string().min(1).max(100),
  answers: z.array(z.string().max(100)).min(1, 'Choose an answer first.').max(10),
  unsure: z.boolean().default(false),
})

const notQueued = () =>
  Response.json(
    { error: 'This question is not in your review queue any more. Reload the review page.' },
    { status: 404 },
  )

/**
 * POST { section, questionId, answers: [opaque option id…], unsure } → the graded answer (opaque ids) and when the
 * question comes back. Only the requesting learner's own queue: any other question answers 404.
 */
export async function POST(request: Request) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const body = await parseBody(request, reviewBody)
  if ('error' in body) return body.error
  const { section, questionId, answers, unsure } = body.data
  // looking a learner up never creates one: someone without progress has no queue
  const [learner, lesson] = [await findCurrentLearner(), getLessonFile(section)]
  if (!learner || !lesson || !(await isQueued(learner.id, section, questionId))) return notQueued()
  const scope = optionIdScope(learner.id, section)
  const real = toRealAnswers(lesson.quiz, scope, { [questionId]: answers })
  if ('error' in real) return Response.json({ error: real.error }, { status: 400 })
  const graded = await answerReview(learner.id, section, questionId, real.answers[questionId] ?? [], unsure)
  if (!graded) return notQueued()
  return Response.json({
    correct: graded.correct,
    chosen: graded.chosen.map((id) => opaqueOptionId(scope, questionId, id)),
    correctOptions: graded.correctOptions.map((id) => opaqueOptionId(scope, questionId, id)),
    explanation: graded.explanation,
    nextDue: graded.nextDue.toISOString(),
  })
}
