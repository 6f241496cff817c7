import { describe, expect, it } from 'vitest'
import { checkedEnvSchema } from '../env'
import { oidcProviders, oidcSignIn } from './oidc'
import { oidcErrorText } from './oidc-errors'

const unset = {
  CLOUDBOOK_OIDC_ISSUER: undefined,
  CLOUDBOOK_OIDC_CLIENT_ID: undefined,
  CLOUDBOOK_OIDC_CLIENT_SECRET: undefined,
  CLOUDBOOK_OIDC_NAME: 'your school account',
  CLOUDBOOK_OIDC_SCOPES: 'openid email profile',
}
const school = {
  ...unset,
  CLOUDBOOK_OIDC_ISSUER: 'https://sso.school.example/realms/main/',
  CLOUDBOOK_OIDC_CLIENT_ID: 'cloudbook',
  CLOUDBOOK_OIDC_CLIENT_SECRET: 's3cret',
  CLOUDBOOK_OIDC_NAME: 'Springfield SSO',
}

describe('OIDC configuration', () => {
  it('offers no button and no provider when unset', () => {
    expect(oidcSignIn(unset)).toBeNull()
    expect(oidcProviders(unset)).toEqual([])
  })

  it('refuses an issuer without a client id (and the reverse) at start-up, saying what to set', () => {
    const half = checkedEnvSchema.safeParse({ CLOUDBOOK_OIDC_ISSUER: 'https://sso.school.example' })
    expect(half.success).toBe(false)
    expect(half.error?.issues[0]?.message).toMatch(/CLOUDBOOK_OIDC_ISSUER and CLOUDBOOK_OIDC_CLIENT_ID together/)
    expect(checkedEnvSchema.safeParse({ CLOUDBOOK_OIDC_CLIENT_ID: 'x' }).success).toBe(false)
    const both = checkedEnvSchema.parse({ CLOUDBOOK_OIDC_ISSUER: 'https://sso.example', CLOUDBOOK_OIDC_CLIENT_ID: 'x' })
    expect(oidcSignIn(both)?.label).toBe('Sign in with your school account')
  })

  it('labels the button with the configured name', () => {
    expect(oidcSignIn(school)).toEqual({ providerId: 'oidc', label: 'Sign in with Springfield SSO' })
  })

  it('discovers endpoints from the issuer and insists on verifiable id tokens', () => {
    const [provider] = oidcProviders(school)
    expect(provider).toMatchObject({
      providerId: 'oidc',
      discoveryUrl: 'https://sso.school.example/realms/main/.well-known/openid-configuration',
      requireIdTokenVerification: true,
      clientId: 'cloudbook',
      clientSecret: 's3cret',
      scopes: ['openid', 'email', 'profile'],
      pkce: true,
    })
    expect(oidcProviders({ ...school, CLOUDBOOK_OIDC_CLIENT_SECRET: undefined })[0]?.tokenEndpointAuth).toEqual({
      method: 'none',
    })
  })

  it('explains the errors a provider sign-in comes back with', () => {
    expect(oidcErrorText(undefined, 'X')).toBeNull()
    expect(oidcErrorText('account_not_linked', 'X')).toMatch(/made with a password/)
    expect(oidcErrorText('<script>', 'X')).toMatch(/did not work \(<script>\)/) // React escapes it on the page
  })
})
