'use client'
import Link from 'next/link'
import { useState, type FormEvent } from 'react'
import { authClient, errorText } from './auth-client'

export function RequestResetForm() {
  const [state, setState] = useState<{ sent: boolean; error: string | null }>({ sent: false, error: null })

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const email = String(new FormData(event.currentTarget).get('email') ?? '')
    const result = await authClient.requestPasswordReset({ email, redirectTo: '/reset-password' })
    setState({ sent: !result.error, error: errorText(result.error) })
  }

  if (state.sent)
    return (
      <p role="status">
        If an account uses that address, a one-time reset link is on its way. Without a mail server, the link is printed
        in Cloudbook&apos;s server log: ask whoever runs Cloudbook for it.
      </p>
    )
  return (
    <form className="auth-form" onSubmit={submit}>
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      {state.error && (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      )}
      <button type="submit">Send reset link</button>
    </form>
  )
}

export function ResetPasswordForm({ token }: { token: string | null }) {
  const [state, setState] = useState<{ done: boolean; error: string | null }>({ done: false, error: null })
  if (!token)
    return (
      <p role="alert" className="form-error">
        This reset link is incomplete or has expired. <Link href="/forgot-password">Ask for a new one</Link>.
      </p>
    )

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const newPassword = String(new FormData(event.currentTarget).get('password') ?? '')
    const result = await authClient.resetPassword({ newPassword, token: token ?? '' })
    setState({ done: !result.error, error: errorText(result.error) })
  }

  if (state.done)
    return (
      <p role="status">
        Your password is changed and every other session is signed out. <Link href="/login">Sign in</Link>.
      </p>
    )
  return (
    <form className="auth-form" onSubmit={submit}>
      <label>
        New password
        <input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </label>
      {state.error && (
        <p role="alert" className="form-error">
          {state.error}
        </p>
      )}
      <button type="submit">Set new password</button>
    </form>
  )
}
