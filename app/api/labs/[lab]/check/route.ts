import { refuseCrossOrigin } from '@/lib/auth/guard'
import { currentLearner } from '@/lib/auth/learner'
import { checkLab } from '@/lib/labs/execute'
import { listLabIds } from '@/lib/labs/lab-files'
import { ndjsonResponse } from '@/lib/runner/ndjson'
import { refuseTooManyRuns } from '@/lib/runner/rate-limit'
import { getDraft, recordAttempt } from '@/lib/progress/labs'
import { lastRunCalls } from '@/lib/progress/runs'

/**
 * POST → runs the lab's check against the learner's account, with the call timeline of their last Run of this lab;
 * the result is streamed and recorded (failed checks unlock hints, lib/labs/assistance.ts).
 */
export async function POST(request: Request, { params }: { params: Promise<{ lab: string }> }) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const { lab } = await params
  if (!listLabIds().includes(lab)) return Response.json({ error: `No lab "${lab}"` }, { status: 404 })
  const learner = await currentLearner()
  // one learner scripting Run in a loop would take the CPU a whole class shares
  const limited = await refuseTooManyRuns(learner.id, 'check')
  if (limited) return limited
  return ndjsonResponse(async (emit, signal) => {
    const calls = await lastRunCalls(learner.id, { lab })
    const outcome = await checkLab(lab, { learner, onEvent: emit, signal }, calls)
    await recordAttempt(learner.id, lab, outcome.result, await getDraft(learner.id, lab))
  }, request)
}
