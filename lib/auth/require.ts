import 'server-only'
import { forbidden, redirect } from 'next/navigation'
import { canTeach } from './roles'
import { currentUser, type SessionUser } from './session'

/** For pages: the signed-in account, or a redirect to /login that comes back here afterwards. */
export async function requireUser(here: string): Promise<SessionUser> {
  const user = await currentUser()
  if (!user) redirect(`/login?next=${encodeURIComponent(here)}`)
  return user
}

/** For pages: an instructor or admin; others get 403. */
export async function requireInstructor(here: string): Promise<SessionUser> {
  const user = await requireUser(here)
  if (!canTeach(user.role)) forbidden()
  return user
}

export async function requireAdmin(here: string): Promise<SessionUser> {
  const user = await requireUser(here)
  if (user.role !== 'admin') forbidden()
  return user
}
