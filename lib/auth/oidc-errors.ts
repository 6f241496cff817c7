/** A sentence for the error code better-auth puts on /login?error=… when a provider sign-in fails. */
export function oidcErrorText(code: unknown, provider: string): string | null {
  if (typeof code !== 'string' || !code) return null
  if (code === 'account_not_linked')
    return (
      `An account with the email address ${provider} gave already exists here, made with a password. Sign in ` +
      'with that password; for safety Cloudbook does not join it to the provider sign-in automatically.'
    )
  if (code === 'email_not_found')
    return `${provider} did not share an email address, which Cloudbook needs. Ask your IT team to release it.`
  if (code === 'signup_disabled') return 'New accounts cannot be made this way. Ask your instructor.'
  return `Signing in with ${provider} did not work (${code.slice(0, 60)}). Try again, or sign in with your email and password.`
}
