import type { GenericOAuthConfig } from 'better-auth/plugins/generic-oauth'
import type { Env } from '../env'

/** better-auth's provider id: the callback to register at the provider is <CLOUDBOOK_URL>/api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = 'oidc'

type OidcSettings = Pick<
  Env,
  | 'CLOUDBOOK_OIDC_ISSUER'
  | 'CLOUDBOOK_OIDC_CLIENT_ID'
  | 'CLOUDBOOK_OIDC_CLIENT_SECRET'
  | 'CLOUDBOOK_OIDC_NAME'
  | 'CLOUDBOOK_OIDC_SCOPES'
>

/** What the sign-in page offers: null when no provider is configured, so no button is shown. */
export function oidcSignIn(settings: OidcSettings): { providerId: string; label: string } | null {
  if (!settings.CLOUDBOOK_OIDC_ISSUER || !settings.CLOUDBOOK_OIDC_CLIENT_ID) return null
  return { providerId: OIDC_PROVIDER_ID, label: `Sign in with ${settings.CLOUDBOOK_OIDC_NAME}` }
}

/**
 * The school's OpenID Connect provider for better-auth's genericOAuth plugin (docs/decisions/0008), or none.
 * Endpoints come from the issuer's discovery document; ID tokens are verified against its JWKS (issuer, audience,
 * nonce); PKCE is on. New accounts get better-auth's defaults, so their role is learner. An existing
 * email-and-password account with the same address is not linked (its email was never verified), so a provider
 * cannot hand someone else's account over.
 */
export function oidcProviders(settings: OidcSettings): GenericOAuthConfig[] {
  const issuer = settings.CLOUDBOOK_OIDC_ISSUER
  const clientId = settings.CLOUDBOOK_OIDC_CLIENT_ID
  if (!issuer || !clientId) return []
  return [
    {
      providerId: OIDC_PROVIDER_ID,
      name: settings.CLOUDBOOK_OIDC_NAME,
      discoveryUrl: `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`,
      // without a verifiable ID token the account would rest on an unverified profile: refuse to run instead
      requireIdTokenVerification: true,
      clientId,
      clientSecret: settings.CLOUDBOOK_OIDC_CLIENT_SECRET,
      ...(settings.CLOUDBOOK_OIDC_CLIENT_SECRET ? {} : { tokenEndpointAuth: { method: 'none' as const } }),
      scopes: settings.CLOUDBOOK_OIDC_SCOPES.split(/\s+/).filter(Boolean),
      pkce: true,
    },
  ]
}
