import { z } from 'zod'
import { cleanAccount, deleteFromAccount, accountView } from '@/lib/account/environment'
import { RESOURCE_KINDS, type ResourceKind } from '@/lib/account/inventory'
import { refuseCrossOrigin } from '@/lib/auth/guard'
import { currentLearner, findCurrentLearner } from '@/lib/auth/learner'
import { parseBody } from '@/lib/runner/request'

const kind = z.string().refine((k): k is ResourceKind => RESOURCE_KINDS.some((r) => r === k), 'unknown resource kind')
const actionBody = z.union([
  z.object({ action: z.literal('delete'), kind, id: z.string().min(1).max(2048) }),
  z.object({ action: z.literal('clean') }),
])

/** GET → what the learner's code created in their emulator account, by kind. */
export async function GET() {
  const learner = await findCurrentLearner()
  if (!learner) return Response.json({ state: 'stopped', groups: [], unavailable: [] })
  return Response.json(await accountView(learner), { headers: { 'cache-control': 'no-store' } })
}

/** POST { action: "delete", kind, id } | { action: "clean" } → deletes one resource, or everything. */
export async function POST(request: Request) {
  const refused = refuseCrossOrigin(request)
  if (refused) return refused
  const body = await parseBody(request, actionBody)
  if ('error' in body) return body.error
  const learner = await currentLearner()
  try {
    if (body.data.action === 'clean') {
      const failed = await cleanAccount(learner)
      return Response.json({ done: true, failed })
    }
    const found = await deleteFromAccount(learner, body.data.kind, body.data.id)
    if (!found) return Response.json({ error: 'That resource is not in your account (any more).' }, { status: 404 })
    return Response.json({ done: true })
  } catch (error) {
    console.error('account action failed', error)
    const name = error instanceof Error ? error.name : 'Error'
    return Response.json(
      { error: `The emulator refused (${name}). Another resource may still depend on it; delete that first.` },
      { status: 409 },
    )
  }
}
