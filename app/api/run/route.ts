import { currentLearner } from '@/lib/auth/learner'
import { runLearnerCode } from '@/lib/labs/execute'
import { ndjsonResponse } from '@/lib/runner/ndjson'
import { codeBody, parseBody } from '@/lib/runner/request'

/** POST { code } → NDJSON stream of output lines and one final result, in the learner's emulator account. */
export async function POST(request: Request) {
  const learner = await currentLearner()
  const body = await parseBody(request, codeBody)
  if ('error' in body) return body.error
  return ndjsonResponse(async (emit, signal) => {
    await runLearnerCode(body.data.code, { accountId: learner.accountId, onEvent: emit, signal })
  }, request)
}
