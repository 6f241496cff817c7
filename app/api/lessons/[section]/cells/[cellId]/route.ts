import { refuseCrossOrigin } from '@/lib/auth/guard'
import { currentLearner, findCurrentLearner } from '@/lib/auth/learner'
import { authoredCell, deleteCellDraft, saveCellDraft } from '@/lib/progress/cells'
import { codeBody, parseBody } from '@/lib/runner/request'

type Params = { params: Promise<{ section: string; cellId: string }> }

async function cellOf(params: Params['params']) {
  const { section, cellId } = await params
  const authored = authoredCell(section, cellId)
  return authored === undefined ? null : { section, cellId, authored }
}

const noCell = () => Response.json({ error: 'No such cell in this lesson.' }, { status: 404 })

/** PUT { code } → autosaves the learner's edits to a lesson cell (kept across reloads and server restarts). */
export async function PUT(request: Request, { params }: Params) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const cell = await cellOf(params)
  if (!cell) return noCell()
  const body = await parseBody(request, codeBody)
  if ('error' in body) return body.error
  const learner = await currentLearner()
  if (body.data.code.trimEnd() === cell.authored.trimEnd()) await deleteCellDraft(learner.id, cell.section, cell.cellId)
  else await saveCellDraft(learner.id, cell.section, cell.cellId, cell.authored, body.data.code)
  return Response.json({ saved: true, at: new Date().toISOString() })
}

/** DELETE → Restore: forgets the learner's edits, so the cell shows the lesson's code again. */
export async function DELETE(request: Request, { params }: Params) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const cell = await cellOf(params)
  if (!cell) return noCell()
  const learner = await findCurrentLearner()
  if (learner) await deleteCellDraft(learner.id, cell.section, cell.cellId)
  return new Response(null, { status: 204 })
}
