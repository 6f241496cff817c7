import type { Metadata } from 'next'
import { AccountActions } from '@/components/auth/AccountActions'
import { requireUser } from '@/lib/auth/require'

export const metadata: Metadata = { title: 'Your account' }

export default async function AccountPage() {
  const user = await requireUser('/account')
  return (
    <div className="narrow">
      <h1>Your account</h1>
      <p>
        {user.name} · {user.email} · <span data-testid="role">{user.role}</span>
      </p>
      <AccountActions />
    </div>
  )
}
