import Link from 'next/link'
import { canTeach } from '@/lib/auth/roles'
import { currentUser } from '@/lib/auth/session'

/** Header links for the signed-in account (names are rendered as text, never as HTML). */
export async function AccountNav() {
  const user = await currentUser()
  if (!user)
    return (
      <>
        <Link href="/progress">My progress</Link>
        <Link href="/login">Sign in</Link>
      </>
    )
  return (
    <>
      <Link href="/progress">My progress</Link>
      {canTeach(user.role) && <Link href="/instructor">Classes</Link>}
      {user.role === 'admin' && <Link href="/admin">Admin</Link>}
      <Link href="/classes">My classes</Link>
      <Link href="/account" data-testid="account-link">
        {user.name}
      </Link>
    </>
  )
}
