import type { Metadata } from 'next'
import { ResetPasswordForm } from '@/components/auth/PasswordResetForms'

export const metadata: Metadata = { title: 'Choose a new password' }

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; error?: string }>
}) {
  const { token, error } = await searchParams
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      <ResetPasswordForm token={!error && typeof token === 'string' ? token : null} />
    </div>
  )
}
