import { refuseCrossOrigin } from '@/lib/auth/guard'
import { currentLearner } from '@/lib/auth/learner'
import { runLearnerCode } from '@/lib/labs/execute'
import { cellFiles } from '@/lib/content/cell-files'
import { getLessonFile } from '@/lib/content/lessons'
import { listLabIds, readLab } from '@/lib/labs/lab-files'
import { recordRun } from '@/lib/progress/runs'
import { ndjsonResponse } from '@/lib/runner/ndjson'
import { refuseTooManyRuns } from '@/lib/runner/rate-limit'
import { parseBody, runBody } from '@/lib/runner/request'

/**
 * POST { code, scope? } → NDJSON stream of output lines and one final result, in the learner's emulator account.
 * A run with a scope (the lab or lesson it came from) is recorded with its code and call timeline; a lesson's cells
 * run in the learner's notebook kernel for that lesson.
 */
export async function POST(request: Request) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const learner = await currentLearner()
  // one learner scripting Run in a loop would take the CPU a whole class shares
  const limited = await refuseTooManyRuns(learner.id, 'run')
  if (limited) return limited
  const body = await parseBody(request, runBody)
  if ('error' in body) return body.error
  const { code, scope, timeoutSeconds } = body.data
  if (scope && 'lab' in scope && !listLabIds().includes(scope.lab))
    return Response.json({ error: `No lab "${scope.lab}"` }, { status: 404 })
  const lesson = scope && 'lesson' in scope ? getLessonFile(scope.lesson) : undefined
  if (scope && 'lesson' in scope && !lesson)
    return Response.json({ error: `No lesson "${scope.lesson}"` }, { status: 404 })
  // the helpers and sample files the lesson or lab ships, next to the cell as in AWS's own example folders
  const files = lesson ? cellFiles(lesson.dir) : scope && 'lab' in scope ? cellFiles(readLab(scope.lab).dir) : undefined
  return ndjsonResponse(async (emit, signal) => {
    const timeoutMs = timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000
    // a lesson's cells run in the learner's kernel for that lesson and share state; a lab runs its whole file
    const kernel = scope && 'lesson' in scope ? `lesson:${scope.lesson}` : undefined
    const outcome = await runLearnerCode(code, { learner, onEvent: emit, signal }, { timeoutMs, kernel, files })
    if (scope) await recordRun(learner.id, scope, code, outcome)
  }, request)
}
