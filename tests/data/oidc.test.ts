// Sign-in through a school's OpenID Connect provider, end to end against a real local provider
// (tests/data/fixtures/oidc-provider.ts): Cloudbook's auth route starts the flow, the provider signs the person in
// and redirects back with a code, the callback exchanges it (client secret + PKCE) and verifies the RS256 id token
// against the provider's JWKS. better-auth's genericOAuth plugin does the protocol; this proves the configuration.
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { startOidcProvider, type Tamper } from './fixtures/oidc-provider'

const request = vi.hoisted(() => ({ headers: new Headers(), jar: new Map<string, string>() }))
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.jar.has(name) ? { name, value: request.jar.get(name) } : undefined),
    set: (name: string, value: string) => void request.jar.set(name, value),
  }),
}))

const CLIENT = { clientId: 'cloudbook', clientSecret: 'a-client-secret-from-the-school' }
const provider = await startOidcProvider(CLIENT)
// lib/env.ts reads these once, when the app's modules are first imported below
const SETTINGS = {
  CLOUDBOOK_OIDC_ISSUER: provider.issuer,
  CLOUDBOOK_OIDC_CLIENT_ID: CLIENT.clientId,
  CLOUDBOOK_OIDC_CLIENT_SECRET: CLIENT.clientSecret,
  CLOUDBOOK_OIDC_NAME: 'Springfield School',
}
Object.assign(process.env, SETTINGS)

const { auth } = await import('@/lib/auth/auth')
const { LEARNER_COOKIE } = await import('@/lib/auth/cookie')
const { learnerForToken } = await import('@/lib/auth/learner')
const { db } = await import('@/lib/db/client')
const { recordVisit } = await import('@/lib/progress/lessons')
const { listLessons } = await import('@/lib/content/lessons')
const authRoute = await import('@/app/api/auth/[...all]/route')
const { makeUser } = await import('./helpers')

afterAll(async () => {
  for (const key of Object.keys(SETTINGS)) delete process.env[key]
  await provider.close()
})

const ORIGIN = 'http://localhost:3000'

/** The browser's cookies for Cloudbook, kept across the redirects. */
function cookieJar(initial: Record<string, string> = {}) {
  const jar = new Map(Object.entries(initial))
  return {
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
    take(response: Response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';')
        const [name = '', ...value] = pair.split('=')
        if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) jar.delete(name.trim())
        else jar.set(name.trim(), value.join('='))
      }
    },
  }
}

/** The whole redirect dance a browser does after pressing "Sign in with Springfield School". */
async function signInThroughProvider(tamper: Tamper = 'none', initial: Record<string, string> = {}) {
  provider.tamper(tamper)
  const jar = cookieJar(initial)
  const start = await authRoute.POST(
    new Request(`${ORIGIN}/api/auth/sign-in/social`, {
      method: 'POST',
      headers: { host: 'localhost:3000', origin: ORIGIN, 'content-type': 'application/json', cookie: jar.header() },
      body: JSON.stringify({ provider: 'oidc', callbackURL: '/progress', errorCallbackURL: '/login?next=%2Fprogress' }),
    }),
  )
  expect(start.status).toBe(200)
  jar.take(start)
  const { url }: { url: string } = await start.json()
  expect(url.startsWith(`${provider.issuer}/authorize?`)).toBe(true)

  const atProvider = await fetch(url, { redirect: 'manual' })
  expect(atProvider.status).toBe(302)
  const callback = new URL(atProvider.headers.get('location') ?? '')
  expect(callback.origin + callback.pathname).toBe(`${ORIGIN}/api/auth/callback/oidc`)

  const back = await authRoute.GET(new Request(callback, { headers: { host: 'localhost:3000', cookie: jar.header() } }))
  jar.take(back)
  const session = await auth.api.getSession({ headers: new Headers({ cookie: jar.header() }) })
  return { back, location: back.headers.get('location') ?? '', session }
}

describe(`OpenID Connect sign-in on ${process.env.CLOUDBOOK_TEST_DB}`, () => {
  it('shows "Sign in with <name>" on the sign-in page when a provider is configured', async () => {
    const { renderToStaticMarkup } = await import('react-dom/server')
    request.headers = new Headers({ host: 'localhost:3000' })
    const page = await (await import('@/app/login/page')).default({ searchParams: Promise.resolve({}) })
    expect(renderToStaticMarkup(page)).toContain('Sign in with Springfield School')
  })

  it('signs a new person in and makes them a learner', async () => {
    provider.signsIn({ sub: 'student-1', email: 'lin@school.example', name: 'Lin Student' })
    const { back, location, session } = await signInThroughProvider()
    expect(back.status).toBe(302)
    expect(new URL(location, ORIGIN).pathname).toBe('/progress')
    expect(session?.user).toMatchObject({ email: 'lin@school.example', name: 'Lin Student', role: 'learner' })

    const request = provider.authorizeRequests.at(-1)
    expect(request?.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'email', 'profile']))
    expect(request?.get('code_challenge_method')).toBe('S256')
    expect(request?.get('nonce')).toBeTruthy()
    const accounts = await db.account.findMany({
      where: { userId: session?.user.id ?? '' },
      select: { providerId: true, accountId: true },
    })
    expect(accounts).toEqual([{ providerId: 'oidc', accountId: 'student-1' }])

    // signing in again finds the same account
    const again = await signInThroughProvider()
    expect(again.session?.user.id).toBe(session?.user.id)
    expect(await db.user.count({ where: { email: 'lin@school.example' } })).toBe(1)
  })

  it('moves what the browser did anonymously into the account', async () => {
    provider.signsIn({ sub: 'student-2', email: 'sam@school.example', name: 'Sam Student' })
    const token = randomBytes(32).toString('base64url')
    const anonymous = await learnerForToken(token)
    const section = listLessons()[0]?.section ?? ''
    await recordVisit(anonymous.id, section, 40)
    const { session } = await signInThroughProvider('none', { [LEARNER_COOKIE]: token })
    const learner = await db.learner.findUnique({
      where: { userId: session?.user.id ?? '' },
      select: { id: true, lessonVisits: { select: { section: true } } },
    })
    expect(learner?.lessonVisits).toEqual([{ section }])
  })

  it.each<[Tamper, string]>([
    ['signature', 'an id token signed by a key not in the JWKS'],
    ['nonce', 'an id token with another nonce'],
    ['audience', 'an id token issued for another client'],
  ])('refuses %s (%s) and signs no one in', async (tamper) => {
    provider.signsIn({ sub: `student-${tamper}`, email: `${tamper}@school.example`, name: 'Mallory' })
    const { location, session } = await signInThroughProvider(tamper)
    expect(session).toBeNull()
    const landed = new URL(location, ORIGIN)
    expect(landed.pathname).toBe('/login')
    expect(landed.searchParams.get('error')).toBeTruthy()
    expect(await db.user.count({ where: { email: `${tamper}@school.example` } })).toBe(0)
  })

  it('does not hand over an existing password account with the same email', async () => {
    const existing = await makeUser('admin', 'Local Admin')
    provider.signsIn({ sub: 'impostor', email: existing.email, name: 'Not The Admin' })
    const { location, session } = await signInThroughProvider()
    expect(session).toBeNull()
    expect(new URL(location, ORIGIN).searchParams.get('error')).toBe('account_not_linked')
    const page = await (
      await import('@/app/login/page')
    ).default({
      searchParams: Promise.resolve({ error: 'account_not_linked' }),
    })
    const { renderToStaticMarkup } = await import('react-dom/server')
    expect(renderToStaticMarkup(page)).toMatch(/already exists here, made with a password/)
  })
})
