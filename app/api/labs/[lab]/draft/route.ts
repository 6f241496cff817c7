import { refuseCrossOrigin } from '@/lib/auth/guard'
import { currentLearner } from '@/lib/auth/learner'
import { listLabIds } from '@/lib/labs/lab-files'
import { saveDraft } from '@/lib/progress/labs'
import { codeBody, parseBody } from '@/lib/runner/request'

/** PUT { code } → autosaves the learner's draft. */
export async function PUT(request: Request, { params }: { params: Promise<{ lab: string }> }) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const { lab } = await params
  if (!listLabIds().includes(lab)) return Response.json({ error: `No lab "${lab}"` }, { status: 404 })
  const body = await parseBody(request, codeBody)
  if ('error' in body) return body.error
  const learner = await currentLearner()
  await saveDraft(learner.id, lab, body.data.code)
  return Response.json({ saved: true, at: new Date().toISOString() })
}
