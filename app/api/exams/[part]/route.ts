import { z } from 'zod'
import { refuseCrossOrigin } from '@/lib/auth/guard'
import { currentLearner } from '@/lib/auth/learner'
import { drawExam, gradeExam } from '@/lib/content/exam'
import { optionIdSecret } from '@/lib/content/option-secret'
import { examAttempt, partExamSource } from '@/lib/content/part-exams'
import { saveExamSubmission } from '@/lib/progress/exams'
import { parseBody } from '@/lib/runner/request'

const submission = z.object({
  attempt: examAttempt,
  answers: z.record(z.string().max(200), z.array(z.string().max(64)).max(10)),
})

/**
 * POST { attempt, answers: { "section/questionId": [opaque optionId…] } } → score per lesson and a review of misses.
 * The exam is redrawn from learner and attempt, so the server grades exactly what the page showed; the submission is
 * stored with the authored option ids.
 */
export async function POST(request: Request, { params }: { params: Promise<{ part: string }> }) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const { part } = await params
  const source = partExamSource(part)
  if (!source) return Response.json({ error: `No part "${part}" with lessons to examine` }, { status: 404 })
  const body = await parseBody(request, submission)
  if ('error' in body) return body.error
  const learner = await currentLearner()
  const exam = drawExam(source.lessons, { learnerId: learner.id, part, attempt: body.data.attempt })
  const graded = gradeExam(exam, source.lessons, optionIdSecret(), learner.id, body.data.answers)
  if ('error' in graded) return Response.json({ error: graded.error }, { status: 400 })
  await saveExamSubmission(learner.id, part, body.data.attempt, graded.answers, graded.result)
  return Response.json(graded.result)
}
