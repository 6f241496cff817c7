'use client'
import { createClassAction } from '@/lib/classes/actions'
import { ActionForm } from './ActionForm'

export function CreateClassForm() {
  return (
    <ActionForm action={createClassAction} submit="Create class">
      <label>
        Class title
        <input name="title" required minLength={2} maxLength={120} placeholder="AWS foundations, spring term" />
      </label>
    </ActionForm>
  )
}
