'use server'
import { revalidatePath } from 'next/cache'
import { currentUser } from '../auth/session'
import type { FormState } from '../classes/actions'
import { registerPlatform, removePlatform } from './platforms'

// Next checks that a server action's Origin matches the host before running it (its built-in CSRF guard); the
// admin role is checked in lib/lti/platforms.ts on every call.

const FIELDS = ['name', 'issuer', 'clientId', 'authLoginUrl', 'tokenUrl', 'jwksUrl', 'deploymentIds'] as const
const signInFirst: FormState = { error: 'Your session has ended: sign in again.', message: null }

export async function registerLtiPlatformAction(_state: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser()
  if (!user) return signInFirst
  const input = Object.fromEntries(FIELDS.map((key) => [key, String(form.get(key) ?? '')]))
  const result = await registerPlatform(user, input)
  if (!result.ok) return { error: result.error, message: null }
  revalidatePath('/admin/lti')
  return { error: null, message: `${input.name?.trim()} can now launch Cloudbook.` }
}

export async function removeLtiPlatformAction(_state: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser()
  if (!user) return signInFirst
  const result = await removePlatform(user, String(form.get('platformId') ?? ''))
  if (!result.ok) return { error: result.error, message: null }
  revalidatePath('/admin/lti')
  return { error: null, message: 'Removed.' }
}
