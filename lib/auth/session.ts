import 'server-only'
import { headers } from 'next/headers'
import { auth } from './auth'
import { toRole, type Role } from './roles'

export type SessionUser = { id: string; email: string; name: string; role: Role }

/** The signed-in account behind this request, or null. The role is read from the database on every request. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers: await headers() })
  if (!session) return null
  const { id, email, name, role } = session.user
  return { id, email, name, role: toRole(role) }
}
