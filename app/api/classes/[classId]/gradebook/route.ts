import { currentUser } from '@/lib/auth/session'
import { classProgress } from '@/lib/instructor/class-progress'
import { gradebookCsv } from '@/lib/instructor/gradebook'

/** GET → the class gradebook as CSV (learner × lesson), for the class's instructors and admins only. */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const user = await currentUser()
  if (!user)
    return Response.json({ error: 'Sign in as the class instructor to download its gradebook.' }, { status: 401 })
  const progress = await classProgress(user, (await params).classId)
  if (!progress) return Response.json({ error: 'No such class among the classes you teach.' }, { status: 404 })
  const day = new Date().toISOString().slice(0, 10)
  return new Response(gradebookCsv(progress), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="gradebook-${progress.classId}-${day}.csv"`,
      'cache-control': 'no-store',
    },
  })
}
