import { z } from 'zod'
import { refuseCrossOrigin } from '@/lib/auth/guard'
import { currentLearner } from '@/lib/auth/learner'
import { prepareEnvironment } from '@/lib/labs/execute'
import { parseBody } from '@/lib/runner/request'

const environmentBody = z.object({
  /** The SDK clients the page's cells import: their services are loaded in the emulator before the first Run. */
  clients: z
    .array(z.string().regex(/^@aws-sdk\/client-[a-z0-9-]{1,60}$/, 'clients are @aws-sdk/client-* package names'))
    .max(16, 'at most 16 clients')
    .optional(),
})

/**
 * POST [{ clients }] → starts the learner's AWS environment and a sandbox for them in the background. Pages with
 * cells call it when they open, so a class that opens the lesson first does not wait for start-up on its first Run.
 */
export async function POST(request: Request) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const body = request.body ? await parseBody(request, environmentBody) : { data: {} }
  if ('error' in body) return body.error
  const learner = await currentLearner()
  void prepareEnvironment(learner, body.data.clients ?? []).catch((error: unknown) =>
    console.error('environment start failed', error),
  )
  return Response.json({ preparing: true }, { status: 202 })
}
