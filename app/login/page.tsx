import type { Metadata } from 'next'
import { redirect } from 'next/navigation'
import { OidcSignInButton } from '@/components/auth/OidcSignInButton'
import { SignInForm } from '@/components/auth/SignInForm'
import { safeNextPath } from '@/lib/auth/next-path'
import { oidcSignIn } from '@/lib/auth/oidc'
import { oidcErrorText } from '@/lib/auth/oidc-errors'
import { currentUser } from '@/lib/auth/session'
import { env } from '@/lib/env'

export const metadata: Metadata = { title: 'Sign in' }

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string }>
}) {
  const query = await searchParams
  const next = safeNextPath(query.next)
  if (await currentUser()) redirect(next)
  // only when CLOUDBOOK_OIDC_ISSUER and CLOUDBOOK_OIDC_CLIENT_ID are set
  const oidc = oidcSignIn(env)
  const oidcError = oidc ? oidcErrorText(query.error, env.CLOUDBOOK_OIDC_NAME) : null
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <p className="muted">What you did before signing in, on this browser, moves into your account.</p>
      {oidc && <OidcSignInButton providerId={oidc.providerId} label={oidc.label} next={next} />}
      {oidcError && (
        <p role="alert" className="form-error">
          {oidcError}
        </p>
      )}
      {oidc && <p className="muted">Or with your email and password:</p>}
      <SignInForm mode="sign-in" next={next} />
    </div>
  )
}
