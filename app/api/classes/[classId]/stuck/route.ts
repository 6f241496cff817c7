import { currentUser } from '@/lib/auth/session'
import { classStuckNow } from '@/lib/instructor/class-stuck'

/** GET → who in the class looks stuck now and why (the dashboard polls it), for the class's instructors only. */
export async function GET(_request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const user = await currentUser()
  if (!user) return Response.json({ error: 'Sign in as the class instructor to see who is stuck.' }, { status: 401 })
  const stuck = await classStuckNow(user, (await params).classId)
  if (!stuck) return Response.json({ error: 'No such class among the classes you teach.' }, { status: 404 })
  return Response.json({ at: new Date().toISOString(), learners: stuck }, { headers: { 'cache-control': 'no-store' } })
}
