import { currentLearner } from '@/lib/auth/learner'
import { cleanUpLab } from '@/lib/labs/execute'
import { listLabIds, readLab } from '@/lib/labs/lab-files'
import { deleteDraft } from '@/lib/progress/labs'

/** POST → removes the learner's lab resources and draft; answers with the starter code to show again. */
export async function POST(_request: Request, { params }: { params: Promise<{ lab: string }> }) {
  const { lab } = await params
  if (!listLabIds().includes(lab)) return Response.json({ error: `No lab "${lab}"` }, { status: 404 })
  const learner = await currentLearner()
  const outcome = await cleanUpLab(lab, { accountId: learner.accountId })
  await deleteDraft(learner.id, lab)
  return Response.json({ starter: readLab(lab).starter, cleanup: outcome.result, output: outcome.stdout })
}
