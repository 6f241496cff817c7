'use client'
import { useState, type FormEvent } from 'react'
import { authClient, errorText } from './auth-client'

/** Password change (other sessions end) and signing out here or everywhere. */
export function AccountActions() {
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null)

  async function changePassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const result = await authClient.changePassword({
      currentPassword: String(form.get('currentPassword') ?? ''),
      newPassword: String(form.get('newPassword') ?? ''),
      revokeOtherSessions: true,
    })
    setMessage(
      result.error
        ? { text: errorText(result.error) ?? 'Could not change the password.', ok: false }
        : { text: 'Password changed; your other sessions are signed out.', ok: true },
    )
  }

  async function signOut(everywhere: boolean) {
    if (everywhere) {
      const result = await authClient.revokeSessions()
      if (result.error) return setMessage({ text: errorText(result.error) ?? 'Could not sign out.', ok: false })
    }
    await authClient.signOut()
    window.location.assign('/')
  }

  return (
    <>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <form className="auth-form" onSubmit={changePassword}>
          <label>
            Current password
            <input name="currentPassword" type="password" autoComplete="current-password" required />
          </label>
          <label>
            New password
            <input name="newPassword" type="password" autoComplete="new-password" required minLength={10} />
          </label>
          <button type="submit">Change password</button>
        </form>
      </section>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? undefined : 'form-error'}>
          {message.text}
        </p>
      )}
      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sessions</h2>
        <div className="lab-actions">
          <button type="button" onClick={() => signOut(false)}>
            Sign out
          </button>
          <button type="button" onClick={() => signOut(true)}>
            Sign out everywhere
          </button>
        </div>
      </section>
    </>
  )
}
