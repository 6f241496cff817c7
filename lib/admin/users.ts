import 'server-only'
import { randomBytes } from 'node:crypto'
import { auth } from '../auth/auth'
import type { Role } from '../auth/roles'
import { db } from '../db/client'

export type UserRow = { id: string; email: string; name: string; role: string; createdAt: Date }

export async function listUsers(): Promise<UserRow[]> {
  return db.user.findMany({
    orderBy: { createdAt: 'asc' },
    select: { id: true, email: true, name: true, role: true, createdAt: true },
  })
}

export async function setRole(userId: string, role: Role) {
  const updated = await db.user.updateMany({ where: { id: userId }, data: { role } })
  if (updated.count === 0) throw new Error(`No account with id ${userId}.`)
}

/**
 * Gives an account a role, creating the account first when no one has signed up with that email; a new account
 * gets a random password that is returned once (change it on /account).
 */
export async function ensureAccountWithRole(
  email: string,
  role: Role,
): Promise<{ created: boolean; password: string | null }> {
  const normalized = email.trim().toLowerCase()
  const existing = await db.user.findUnique({ where: { email: normalized }, select: { id: true } })
  if (existing) {
    await setRole(existing.id, role)
    return { created: false, password: null }
  }
  const password = randomBytes(12).toString('base64url')
  const { user } = await auth.api.signUpEmail({
    body: { email: normalized, password, name: normalized.split('@')[0] ?? normalized },
  })
  await setRole(user.id, role)
  return { created: true, password }
}
