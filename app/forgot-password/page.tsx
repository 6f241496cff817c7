import type { Metadata } from 'next'
import { RequestResetForm } from '@/components/auth/PasswordResetForms'

export const metadata: Metadata = { title: 'Reset your password' }

export default function ForgotPasswordPage() {
  return (
    <div className="narrow">
      <h1>Reset your password</h1>
      <RequestResetForm />
    </div>
  )
}
