'use client'
import { ActionForm } from '@/components/instructor/ActionForm'
import { joinClassAction } from '@/lib/classes/actions'

export function JoinClassForm({ code = '' }: { code?: string }) {
  return (
    <ActionForm action={joinClassAction} submit="Join class">
      <label>
        Join code
        <input name="code" required defaultValue={code} autoComplete="off" placeholder="ABCD2345" maxLength={20} />
      </label>
    </ActionForm>
  )
}
