import { randomUUID } from 'node:crypto'
import { auth } from '@/lib/auth/auth'
import type { Role } from '@/lib/auth/roles'
import type { SessionUser } from '@/lib/auth/session'
import { db } from '@/lib/db/client'

export const PASSWORD = 'correct horse battery'

/** A signed-up account with a role, as the rest of the app sees it. */
export async function makeUser(role: Role = 'learner', name = 'Test Person'): Promise<SessionUser> {
  const email = `${role}-${randomUUID()}@example.test`
  const { user } = await auth.api.signUpEmail({ body: { email, password: PASSWORD, name } })
  await db.user.update({ where: { id: user.id }, data: { role }, select: { id: true } })
  return { id: user.id, email, name, role }
}
