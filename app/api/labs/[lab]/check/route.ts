import { currentLearner } from '@/lib/auth/learner'
import { checkLab } from '@/lib/labs/execute'
import { listLabIds } from '@/lib/labs/lab-files'
import { ndjsonResponse } from '@/lib/runner/ndjson'
import { recordAttempt } from '@/lib/progress/labs'

/** POST → runs the lab's check against the learner's account; the result is streamed and recorded. */
export async function POST(request: Request, { params }: { params: Promise<{ lab: string }> }) {
  const { lab } = await params
  if (!listLabIds().includes(lab)) return Response.json({ error: `No lab "${lab}"` }, { status: 404 })
  const learner = await currentLearner()
  return ndjsonResponse(async (emit, signal) => {
    const outcome = await checkLab(lab, { accountId: learner.accountId, onEvent: emit, signal })
    await recordAttempt(learner.id, lab, outcome.result)
  }, request)
}
