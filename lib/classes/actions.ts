'use server'
import { redirect } from 'next/navigation'
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { setRole } from '../admin/users'
import { roleSchema } from '../auth/roles'
import { currentUser } from '../auth/session'
import { addCoInstructor, createClass, joinClass } from './classes'

/** What a form shows after a server action: an error sentence or a confirmation. */
export type FormState = { error: string | null; message: string | null }

const text = (form: FormData, key: string) => {
  const value = form.get(key)
  return typeof value === 'string' ? value : ''
}
const signInFirst: FormState = { error: 'Your session has ended: sign in again.', message: null }

// Next checks that a server action's Origin matches the host before running it (its built-in CSRF guard).

export async function createClassAction(_state: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser()
  if (!user) return signInFirst
  const result = await createClass(user, text(form, 'title'))
  if (!result.ok) return { error: result.error, message: null }
  redirect(`/instructor/classes/${result.value.id}`)
}

export async function addCoInstructorAction(_state: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser()
  if (!user) return signInFirst
  const classId = text(form, 'classId')
  const email = text(form, 'email')
  const result = await addCoInstructor(user, classId, email)
  if (!result.ok) return { error: result.error, message: null }
  revalidatePath(`/instructor/classes/${classId}`)
  return { error: null, message: `${email.trim()} now teaches this class too.` }
}

export async function joinClassAction(_state: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser()
  if (!user) return signInFirst
  const result = await joinClass(user, text(form, 'code'))
  if (!result.ok) return { error: result.error, message: null }
  revalidatePath('/classes')
  return { error: null, message: `You joined ${result.value.title}.` }
}

const roleChange = z.object({ userId: z.string().min(1).max(100), role: roleSchema })

export async function setRoleAction(_state: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser()
  if (!user) return signInFirst
  if (user.role !== 'admin') return { error: 'Only admins can change roles.', message: null }
  const parsed = roleChange.safeParse({ userId: text(form, 'userId'), role: text(form, 'role') })
  if (!parsed.success) return { error: 'Choose learner, instructor or admin.', message: null }
  if (parsed.data.userId === user.id && parsed.data.role !== 'admin')
    return { error: 'You cannot remove your own admin role; ask another admin.', message: null }
  await setRole(parsed.data.userId, parsed.data.role)
  revalidatePath('/admin')
  return { error: null, message: 'Role saved.' }
}
