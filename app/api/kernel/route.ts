import { z } from 'zod'
import { refuseCrossOrigin } from '@/lib/auth/guard'
import { findCurrentLearner } from '@/lib/auth/learner'
import { getLessonFile } from '@/lib/content/lessons'
import { controlKernel } from '@/lib/labs/execute'
import { parseBody } from '@/lib/runner/request'

const kernelBody = z.object({
  section: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'not a lesson id'),
  action: z.enum(['interrupt', 'restart'], { error: 'action must be "interrupt" or "restart"' }),
})

/** POST { section, action } → interrupts the running cell or restarts the learner's kernel for that lesson. */
export async function POST(request: Request) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const body = await parseBody(request, kernelBody)
  if ('error' in body) return body.error
  const { section, action } = body.data
  if (!getLessonFile(section)) return Response.json({ error: `No lesson "${section}"` }, { status: 404 })
  // a visitor without a learner has no kernel to stop
  const learner = await findCurrentLearner()
  const done = learner ? await controlKernel(learner.id, `lesson:${section}`, action) : false
  return Response.json({ done })
}
