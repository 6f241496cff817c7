'use client'
import { addCoInstructorAction } from '@/lib/classes/actions'
import { ActionForm } from './ActionForm'

export function CoInstructorForm({ classId }: { classId: string }) {
  return (
    <ActionForm action={addCoInstructorAction} submit="Add co-instructor">
      <input type="hidden" name="classId" value={classId} />
      <label>
        Instructor&apos;s email
        <input name="email" type="email" required />
      </label>
    </ActionForm>
  )
}
