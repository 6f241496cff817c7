export const LEARNER_COOKIE = 'cloudbook_learner'

/** Anonymous learner tokens are 32 random bytes, base64url (43 characters); anything else is ignored. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/

export function isLearnerToken(value: string | undefined | null): value is string {
  return typeof value === 'string' && TOKEN.test(value)
}

export function newLearnerToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
}

export const learnerCookieOptions = (secure: boolean) => ({
  httpOnly: true,
  sameSite: 'lax' as const,
  secure,
  path: '/',
  maxAge: 60 * 60 * 24 * 365,
})
