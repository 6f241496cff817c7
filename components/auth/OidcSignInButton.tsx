'use client'
import { useState } from 'react'
import { authClient, errorText } from './auth-client'

/** "Sign in with <school>": better-auth sends the browser to the OpenID Connect provider and back to `next`. */
export function OidcSignInButton({ providerId, label, next }: { providerId: string; label: string; next: string }) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function signIn() {
    setBusy(true)
    setError(null)
    const result = await authClient.signIn.social({
      provider: providerId,
      callbackURL: next,
      errorCallbackURL: `/login?next=${encodeURIComponent(next)}`,
    })
    // on success the browser is already on its way to the provider
    if (result.error) {
      setBusy(false)
      setError(errorText(result.error))
    }
  }

  return (
    <div className="auth-form">
      <button type="button" onClick={signIn} disabled={busy}>
        {label}
      </button>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  )
}
