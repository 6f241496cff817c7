import { currentUser } from '@/lib/auth/session'
import { env } from '@/lib/env'
import { classStatements } from '@/lib/instructor/class-xapi'

/** GET → the class's activity as xAPI statements, one JSON object per line (NDJSON), for its instructors only. */
export async function GET(request: Request, { params }: { params: Promise<{ classId: string }> }) {
  const user = await currentUser()
  if (!user)
    return Response.json({ error: 'Sign in as the class instructor to export its statements.' }, { status: 401 })
  const { classId } = await params
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host')
  const proto = request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(':', '')
  const base = env.CLOUDBOOK_URL ?? (host ? `${proto}://${host}` : new URL(request.url).origin)
  const statements = await classStatements(user, classId, base)
  if (!statements) return Response.json({ error: 'No such class among the classes you teach.' }, { status: 404 })
  return new Response(statements.map((s) => JSON.stringify(s)).join('\n') + (statements.length ? '\n' : ''), {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="xapi-${classId}.ndjson"`,
      'cache-control': 'no-store',
    },
  })
}
