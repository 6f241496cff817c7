import type { Metadata } from 'next'
import Link from 'next/link'
import { RoleForm } from '@/components/admin/RoleForm'
import { listUsers } from '@/lib/admin/users'
import { requireAdmin } from '@/lib/auth/require'

export const metadata: Metadata = { title: 'Accounts and roles' }

export default async function AdminPage() {
  await requireAdmin('/admin')
  const users = await listUsers()
  return (
    <>
      <h1>Accounts and roles</h1>
      <p className="muted">
        Instructors create classes and see the progress of learners who join them. Courses in an LMS can launch
        Cloudbook once the LMS is registered under <Link href="/admin/lti">LMS platforms (LTI 1.3)</Link>.
      </p>
      <table className="matrix" data-testid="users">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-email={u.email}>
              <th scope="row">{u.name}</th>
              <td>{u.email}</td>
              <td>
                <RoleForm userId={u.id} role={u.role} label={u.email} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
