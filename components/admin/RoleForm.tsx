'use client'
import { ActionForm } from '@/components/instructor/ActionForm'
import { setRoleAction } from '@/lib/classes/actions'

export function RoleForm({ userId, role, label }: { userId: string; role: string; label: string }) {
  return (
    <ActionForm action={setRoleAction} submit="Save" className="role-form">
      <input type="hidden" name="userId" value={userId} />
      <select name="role" defaultValue={role} aria-label={`Role of ${label}`}>
        <option value="learner">learner</option>
        <option value="instructor">instructor</option>
        <option value="admin">admin</option>
      </select>
    </ActionForm>
  )
}
