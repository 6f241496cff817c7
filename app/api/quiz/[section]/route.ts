import { z } from 'zod'
import { currentLearner } from '@/lib/auth/learner'
import { getLessonFile } from '@/lib/content/lessons'
import { submitQuiz } from '@/lib/progress/quiz'
import { parseBody } from '@/lib/runner/request'

const submission = z.object({
  answers: z.record(z.string(), z.array(z.string()).max(10)),
  durationMs: z.number().int().nonnegative().max(86_400_000).nullable().default(null),
})

/** POST { answers: { questionId: [optionId…] }, durationMs } → graded attempt with explanations. */
export async function POST(request: Request, { params }: { params: Promise<{ section: string }> }) {
  const { section } = await params
  const lesson = getLessonFile(section)
  if (!lesson) return Response.json({ error: `No lesson "${section}"` }, { status: 404 })
  const body = await parseBody(request, submission)
  if ('error' in body) return body.error
  const learner = await currentLearner()
  return Response.json(await submitQuiz(learner.id, section, lesson.quiz, body.data.answers, body.data.durationMs))
}
