import { refuseCrossOrigin } from '@/lib/auth/guard'
import { z } from 'zod'
import { currentLearner } from '@/lib/auth/learner'
import { getLessonFile } from '@/lib/content/lessons'
import { toOpaqueAttempt, toRealAnswers } from '@/lib/content/option-ids'
import { optionIdScope } from '@/lib/content/option-secret'
import { submitQuiz } from '@/lib/progress/quiz'
import { parseBody } from '@/lib/runner/request'

const submission = z.object({
  answers: z.record(z.string(), z.array(z.string()).max(10)),
  durationMs: z.number().int().nonnegative().max(86_400_000).nullable().default(null),
})

/** POST { answers: { questionId: [opaque optionId…] }, durationMs } → graded attempt with explanations. */
export async function POST(request: Request, { params }: { params: Promise<{ section: string }> }) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const { section } = await params
  const lesson = getLessonFile(section)
  if (!lesson) return Response.json({ error: `No lesson "${section}"` }, { status: 404 })
  const body = await parseBody(request, submission)
  if ('error' in body) return body.error
  const learner = await currentLearner()
  // the browser only knows this learner's opaque option ids; grade and store the authored ones
  const scope = optionIdScope(learner.id, section)
  const real = toRealAnswers(lesson.quiz, scope, body.data.answers)
  if ('error' in real) return Response.json({ error: real.error }, { status: 400 })
  const attempt = await submitQuiz(learner.id, section, lesson.quiz, real.answers, body.data.durationMs)
  return Response.json(toOpaqueAttempt(attempt, scope))
}
