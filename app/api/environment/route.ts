import { refuseCrossOrigin } from '@/lib/auth/guard'
import { currentLearner } from '@/lib/auth/learner'
import { prepareEnvironment } from '@/lib/labs/execute'

/**
 * POST → starts the learner's AWS environment and a sandbox for them in the background. Pages with cells call it
 * when they open, so a class that opens the lesson first does not wait for start-up on its first Run.
 */
export async function POST(request: Request) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const learner = await currentLearner()
  void prepareEnvironment(learner).catch((error: unknown) => console.error('environment start failed', error))
  return Response.json({ preparing: true }, { status: 202 })
}
