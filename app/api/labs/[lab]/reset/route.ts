import { refuseCrossOrigin } from '@/lib/auth/guard'
import { currentLearner } from '@/lib/auth/learner'
import { cleanUpLab } from '@/lib/labs/execute'
import { listLabIds, readLab } from '@/lib/labs/lab-files'
import { deleteDraft } from '@/lib/progress/labs'

/** POST → removes the learner's lab resources and draft; answers with the starter code to show again. */
export async function POST(request: Request, { params }: { params: Promise<{ lab: string }> }) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const { lab } = await params
  if (!listLabIds().includes(lab)) return Response.json({ error: `No lab "${lab}"` }, { status: 404 })
  const learner = await currentLearner()
  const outcome = await cleanUpLab(lab, { learner })
  // the draft goes only once the lab's resources are gone: a failed clean-up must not cost the learner their code
  if (outcome.result.status !== 'pass') {
    return Response.json(
      {
        error: `Reset did not finish, so your code was kept. ${outcome.result.message ?? ''}`.trim(),
        cleanup: outcome.result,
      },
      { status: 503 },
    )
  }
  await deleteDraft(learner.id, lab)
  return Response.json({ starter: readLab(lab).starter, cleanup: outcome.result, output: outcome.stdout })
}
