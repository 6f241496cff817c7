'use client'
import Link from 'next/link'
import { useState, type FormEvent } from 'react'
import { authClient, errorText } from './auth-client'

/** Sign in or sign up with email and password; afterwards a full navigation so server pages see the session. */
export function SignInForm({ mode, next }: { mode: 'sign-in' | 'sign-up'; next: string }) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const email = String(form.get('email') ?? '')
    const password = String(form.get('password') ?? '')
    setBusy(true)
    setError(null)
    const result =
      mode === 'sign-up'
        ? await authClient.signUp.email({ email, password, name: String(form.get('name') ?? '') })
        : await authClient.signIn.email({ email, password })
    setBusy(false)
    if (result.error) return setError(errorText(result.error))
    window.location.assign(next)
  }

  return (
    <form className="auth-form" onSubmit={submit} aria-describedby={error ? 'auth-error' : undefined}>
      {mode === 'sign-up' && (
        <label>
          Name
          <input name="name" autoComplete="name" required maxLength={100} />
        </label>
      )}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required maxLength={320} />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'}
          required
          minLength={mode === 'sign-up' ? 10 : undefined}
        />
      </label>
      {mode === 'sign-up' && <p className="muted">At least 10 characters.</p>}
      {error && (
        <p id="auth-error" role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {mode === 'sign-up' ? 'Create account' : 'Sign in'}
      </button>
      {mode === 'sign-in' ? (
        <p className="muted">
          No account yet? <Link href={`/signup?next=${encodeURIComponent(next)}`}>Create one</Link> ·{' '}
          <Link href="/forgot-password">Forgot your password?</Link>
        </p>
      ) : (
        <p className="muted">
          Already have one? <Link href={`/login?next=${encodeURIComponent(next)}`}>Sign in</Link>
        </p>
      )}
    </form>
  )
}
