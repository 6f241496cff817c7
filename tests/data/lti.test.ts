// LTI 1.3 end to end against a local platform fixture that signs real JWTs (tests/data/fixtures/lti-platform.ts):
// third-party initiated login → authentication request with state and nonce → id token form post verified
// against the platform's JWKS → signed in, joined to the course's class, sent to the lesson; then grade passback
// through a client_credentials token obtained with Cloudbook's signed client assertion. Route handlers are called
// directly; the fixture is a real HTTP server the app's code fetches from.
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const request = vi.hoisted(() => ({ headers: new Headers(), jar: new Map<string, string>() }))
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.jar.has(name) ? { name, value: request.jar.get(name) } : undefined),
    set: (name: string, value: string) => void request.jar.set(name, value),
  }),
}))
vi.mock('next/cache', () => ({ revalidatePath: () => {} }))

const { auth } = await import('@/lib/auth/auth')
const { learnerForUser } = await import('@/lib/auth/learner')
const { getLessonFile, listLessons } = await import('@/lib/content/lessons')
const { opaqueOptionId } = await import('@/lib/content/option-ids')
const { optionIdScope } = await import('@/lib/content/option-secret')
const { db } = await import('@/lib/db/client')
const { registerPlatform } = await import('@/lib/lti/platforms')
const { recordAttempt } = await import('@/lib/progress/labs')
const { startLtiPlatform } = await import('./fixtures/lti-platform')
const { PASSWORD, makeUser } = await import('./helpers')
const loginRoute = await import('@/app/api/lti/login/route')
const launchRoute = await import('@/app/api/lti/launch/route')
const jwksRoute = await import('@/app/api/lti/jwks/route')
const quizRoute = await import('@/app/api/quiz/[section]/route')

const ORIGIN = 'http://localhost:3000'
const CLIENT_ID = 'cloudbook-at-school'
const DEPLOYMENT = 'deployment-1'
const C = 'https://purl.imsglobal.org/spec/lti/claim/'
const LEARNER_ROLE = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'
const INSTRUCTOR_ROLE = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor'

const platform = await startLtiPlatform({
  clientId: CLIENT_ID,
  toolJwks: async () => (await jwksRoute.GET()).json(),
})
const section = listLessons().find((l) => (getLessonFile(l.section)?.quiz.questions.length ?? 0) > 0)?.section ?? ''
// a lab that is whole on disk (other labs may be mid-edit while this runs)
const lab =
  readdirSync('labs').find(
    (id) => existsSync(path.join('labs', id, 'lab.mdx')) && existsSync(path.join('labs', id, 'hints.md')),
  ) ?? ''

/** The claims of a resource-link launch; each test changes what it needs. */
function launchClaims(overrides: Record<string, unknown> = {}) {
  return {
    sub: 'moodle-user-17',
    name: 'Ada Lovelace',
    email: 'ada@school.example',
    [`${C}message_type`]: 'LtiResourceLinkRequest',
    [`${C}version`]: '1.3.0',
    [`${C}deployment_id`]: DEPLOYMENT,
    [`${C}target_link_uri`]: `${ORIGIN}/lessons/${section}`,
    [`${C}resource_link`]: { id: 'link-quiz', title: 'Week 1 quiz' },
    [`${C}roles`]: [LEARNER_ROLE],
    [`${C}context`]: { id: 'course-42', label: 'AWS101', title: 'AWS for beginners' },
    'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
      scope: [
        'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
        'https://purl.imsglobal.org/spec/lti-ags/scope/score',
      ],
      lineitem: platform.lineItem('quiz-1'),
    },
    ...overrides,
  }
}

const get = (path: string, headers: Record<string, string> = {}) =>
  new Request(`${ORIGIN}${path}`, { headers: { host: 'localhost:3000', ...headers } })

/** The LMS sends the browser to the login initiation URL; Cloudbook answers with the authentication request. */
async function initiateLogin(extra: Record<string, string> = {}) {
  const query = new URLSearchParams({
    iss: platform.issuer,
    login_hint: 'opaque-hint',
    target_link_uri: `${ORIGIN}/lessons/${section}`,
    lti_message_hint: 'message-hint',
    client_id: CLIENT_ID,
    ...extra,
  })
  return loginRoute.GET(get(`/api/lti/login?${query}`))
}

/** A whole launch as the browser sees it: login, the platform's answer, the cross-site form post of the id token. */
async function launch(next: Parameters<typeof platform.willLaunch>[0]) {
  platform.willLaunch(next)
  const login = await initiateLogin()
  expect(login.status).toBe(302)
  const answer = await fetch(login.headers.get('location') ?? '')
  expect(answer.status).toBe(200)
  const form: { action: string; id_token: string; state: string } = await answer.json()
  return { form, response: await postLaunch(form) }
}

const postLaunch = (form: { action: string; id_token: string; state: string }) =>
  launchRoute.POST(
    new Request(form.action, {
      method: 'POST',
      headers: {
        host: 'localhost:3000',
        origin: 'null', // the LMS's auto-submitting form on another site
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ id_token: form.id_token, state: form.state }),
    }),
  )

const cookieHeader = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')

async function sessionOf(cookie: string) {
  return auth.api.getSession({ headers: new Headers({ cookie }) })
}

beforeAll(async () => {
  const admin = await makeUser('admin', 'Registrar')
  const registered = await registerPlatform(admin, {
    name: 'School Moodle',
    issuer: platform.issuer,
    clientId: CLIENT_ID,
    authLoginUrl: platform.authLoginUrl,
    tokenUrl: platform.tokenUrl,
    jwksUrl: platform.jwksUrl,
    deploymentIds: `${DEPLOYMENT}, deployment-2`,
  })
  if (!registered.ok) throw new Error(registered.error)
})

afterAll(() => platform.close())

describe(`LTI 1.3 on ${process.env.CLOUDBOOK_TEST_DB}`, () => {
  let learnerCookie = ''
  let learnerUserId = ''

  it('answers a login initiation with an OIDC authentication request carrying a fresh state and nonce', async () => {
    const first = new URL((await initiateLogin()).headers.get('location') ?? '')
    const second = new URL((await initiateLogin()).headers.get('location') ?? '')
    expect(first.origin + first.pathname).toBe(platform.authLoginUrl)
    expect(Object.fromEntries(first.searchParams)).toMatchObject({
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: CLIENT_ID,
      redirect_uri: `${ORIGIN}/api/lti/launch`,
      login_hint: 'opaque-hint',
      lti_message_hint: 'message-hint',
    })
    expect(first.searchParams.get('state')).toMatch(/^[\w-]{43}$/)
    expect(first.searchParams.get('nonce')).toMatch(/^[\w-]{43}$/)
    expect(second.searchParams.get('state')).not.toBe(first.searchParams.get('state'))
    expect(second.searchParams.get('nonce')).not.toBe(first.searchParams.get('nonce'))
  })

  it('refuses a login from an issuer or deployment no admin registered', async () => {
    const stranger = await initiateLogin({ iss: 'https://other-lms.example', client_id: CLIENT_ID })
    expect(stranger.status).toBe(400)
    expect(await stranger.text()).toMatch(/no LMS with issuer https:\/\/other-lms\.example.*\/admin\/lti/)
    const deployment = await initiateLogin({ lti_deployment_id: 'deployment-9' })
    expect(deployment.status).toBe(403)
    expect((await initiateLogin({ login_hint: '' })).status).toBe(400)
  })

  it('signs a new learner in, joins them to the course class and sends them to the lesson', async () => {
    const { response } = await launch({ claims: launchClaims() })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`${ORIGIN}/lessons/${section}`)
    learnerCookie = cookieHeader(response)
    const session = await sessionOf(learnerCookie)
    expect(session?.user).toMatchObject({ name: 'Ada Lovelace', email: 'ada@school.example', role: 'learner' })
    learnerUserId = session?.user.id ?? ''

    const account = await db.account.findFirst({
      where: { userId: learnerUserId },
      select: { providerId: true, accountId: true },
    })
    expect(account).toEqual({ providerId: expect.stringMatching(/^lti:/), accountId: 'moodle-user-17' })
    const memberships = await db.classMember.findMany({
      where: { userId: learnerUserId },
      select: { class: { select: { title: true } } },
    })
    expect(memberships.map((m) => m.class.title)).toEqual(['AWS for beginners'])

    // a second launch finds the same account and class
    const again = await launch({ claims: launchClaims({ name: 'Ada King' }) })
    expect(again.response.status).toBe(303)
    expect((await sessionOf(cookieHeader(again.response)))?.user).toMatchObject({ id: learnerUserId, name: 'Ada King' })
    expect(await db.classMember.count({ where: { userId: learnerUserId } })).toBe(1)
  })

  it('posts the quiz score to the line item with a token got by a signed client assertion', async () => {
    const quiz = getLessonFile(section)?.quiz
    if (!quiz) throw new Error(`no quiz in ${section}`)
    const learner = await learnerForUser(learnerUserId)
    const scope = optionIdScope(learner.id, section)
    // every question right but the first
    const answers = Object.fromEntries(
      quiz.questions.map((q, i) => [
        q.id,
        (i === 0
          ? q.options
              .filter((o) => !q.correct.includes(o.id))
              .slice(0, 1)
              .map((o) => o.id)
          : q.correct
        ).map((id) => opaqueOptionId(scope, q.id, id)),
      ]),
    )
    request.headers = new Headers({ host: 'localhost:3000', cookie: learnerCookie })
    const before = platform.scores.length
    const submitted = await quizRoute.POST(
      new Request(`${ORIGIN}/api/quiz/${section}`, {
        method: 'POST',
        headers: { host: 'localhost:3000', origin: ORIGIN, 'content-type': 'application/json', cookie: learnerCookie },
        body: JSON.stringify({ answers, durationMs: 1000 }),
      }),
      { params: Promise.resolve({ section }) },
    )
    expect(submitted.status).toBe(200)
    expect(platform.scores.slice(before)).toEqual([
      {
        path: '/lineitems/quiz-1/scores',
        contentType: 'application/vnd.ims.lis.v1.score+json',
        body: {
          userId: 'moodle-user-17',
          scoreGiven: quiz.questions.length - 1,
          scoreMaximum: quiz.questions.length,
          activityProgress: 'Completed',
          gradingProgress: 'FullyGraded',
          timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        },
      },
    ])
    const [token] = platform.tokenRequests
    expect(token?.scope).toBe('https://purl.imsglobal.org/spec/lti-ags/scope/score')
    expect(token?.assertion).toMatchObject({ iss: CLIENT_ID, sub: CLIENT_ID, aud: platform.tokenUrl })
  })

  it('posts a passed lab launched with a custom parameter, and nothing for a failed one', async () => {
    const { response } = await launch({
      claims: launchClaims({
        [`${C}resource_link`]: { id: 'link-lab' },
        [`${C}target_link_uri`]: `${ORIGIN}/`,
        [`${C}custom`]: { lab },
        'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
          scope: ['https://purl.imsglobal.org/spec/lti-ags/scope/score'],
          lineitem: platform.lineItem('lab-1'),
        },
      }),
    })
    expect(response.headers.get('location')).toBe(`${ORIGIN}/labs/${lab}`)
    const learner = await learnerForUser(learnerUserId)
    const before = platform.scores.length
    await recordAttempt(learner.id, lab, { status: 'fail', expectations: [] })
    expect(platform.scores.length).toBe(before)
    await recordAttempt(learner.id, lab, { status: 'pass', expectations: [{ name: 'done', status: 'pass' }] })
    expect(platform.scores.slice(before).map((s) => [s.path, s.body.scoreGiven, s.body.scoreMaximum])).toEqual([
      ['/lineitems/lab-1/scores', 1, 1],
    ])
    // the access token from the quiz score was reused
    expect(platform.tokenRequests).toHaveLength(1)
  })

  it('sends no score for learners who did not launch from the LMS, and survives an LMS that refuses one', async () => {
    const local = await makeUser('learner')
    const learner = await learnerForUser(local.id)
    const before = platform.scores.length
    await recordAttempt(learner.id, lab, { status: 'pass', expectations: [] })
    expect(platform.scores.length).toBe(before)

    const ltiLearner = await learnerForUser(learnerUserId)
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    platform.answerScoresWith(503)
    try {
      await expect(recordAttempt(ltiLearner.id, lab, { status: 'pass', expectations: [] })).resolves.toBeUndefined()
      expect(errors).toHaveBeenCalledWith(
        expect.stringMatching(/LTI score for lab:.* was not sent to School Moodle.*503/),
      )
    } finally {
      platform.answerScoresWith(200)
      errors.mockRestore()
    }
    expect(platform.scores.length).toBe(before + 1)
    expect(await db.labAttempt.count({ where: { learnerId: ltiLearner.id, labId: lab, status: 'pass' } })).toBe(2)
  })

  it('makes an LMS instructor an instructor of the course class', async () => {
    const { response } = await launch({
      claims: launchClaims({
        sub: 'moodle-teacher-3',
        name: 'Grace Hopper',
        email: 'grace@school.example',
        [`${C}roles`]: [INSTRUCTOR_ROLE],
      }),
    })
    const session = await sessionOf(cookieHeader(response))
    expect(session?.user).toMatchObject({ name: 'Grace Hopper', role: 'instructor' })
    const teaching = await db.classInstructor.findMany({
      where: { userId: session?.user.id ?? '' },
      select: { class: { select: { title: true } } },
    })
    expect(teaching.map((t) => t.class.title)).toEqual(['AWS for beginners'])
  })

  it('never links a launch to an existing account by its email', async () => {
    const existing = await makeUser('admin', 'Local admin')
    const { response } = await launch({ claims: launchClaims({ sub: 'moodle-user-99', email: existing.email }) })
    const session = await sessionOf(cookieHeader(response))
    expect(session?.user.id).not.toBe(existing.id)
    expect(session?.user.email).toMatch(/@lti\.invalid$/)
    expect(session?.user).toMatchObject({ role: 'learner' })
    const signIn = await auth.api.signInEmail({ body: { email: existing.email, password: PASSWORD } })
    expect(signIn.user.id).toBe(existing.id)
  })

  it('brakes a flood of login initiations from one address', async () => {
    const flood = () =>
      loginRoute.GET(get(`/api/lti/login?iss=${platform.issuer}`, { 'x-forwarded-for': '203.0.113.9' }))
    for (let i = 0; i < 120; i++) expect((await flood()).status).toBe(400)
    const braked = await flood()
    expect(braked.status).toBe(429)
    expect(braked.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await initiateLogin()).status).toBe(302) // other addresses go on
  })

  it('keeps the LTI sign-in endpoint off the HTTP API', async () => {
    const authRoute = await import('@/app/api/auth/[...all]/route')
    for (const path of ['/api/auth/sign-in-lti-user', '/api/auth/signInLtiUser']) {
      const response = await authRoute.POST(
        new Request(`${ORIGIN}${path}`, {
          method: 'POST',
          headers: { host: 'localhost:3000', origin: ORIGIN, 'content-type': 'application/json' },
          body: JSON.stringify({ platformId: 'x', subject: 'y', name: 'z', email: null }),
        }),
      )
      expect(response.status).toBe(404)
    }
  })

  describe('refuses', () => {
    const refused = async (response: Response, status: number, message: RegExp) => {
      expect(response.status).toBe(status)
      expect(response.headers.getSetCookie()).toEqual([])
      expect(await response.text()).toMatch(message)
    }

    it('an id token signed by a key that is not in the platform JWKS', async () => {
      const { response } = await launch({ claims: launchClaims(), signWith: 'stranger' })
      await refused(response, 401, /signature does not match School Moodle's keys/)
    })

    it('a replayed launch, and a replayed nonce with a new state', async () => {
      const { form, response } = await launch({ claims: launchClaims() })
      expect(response.status).toBe(303)
      await refused(await postLaunch(form), 400, /already used or never started here/)

      const fresh = new URL((await initiateLogin()).headers.get('location') ?? '')
      const replayed = { ...form, state: fresh.searchParams.get('state') ?? '' }
      await refused(await postLaunch(replayed), 401, /nonce Cloudbook did not issue/)
    })

    it('an id token issued for another tool (wrong audience)', async () => {
      const { response } = await launch({ claims: launchClaims(), audience: 'some-other-tool' })
      await refused(response, 401, /issued for another tool/)
    })

    it('a deployment that is not registered', async () => {
      const { response } = await launch({ claims: launchClaims({ [`${C}deployment_id`]: 'deployment-9' }) })
      await refused(response, 403, /deployment deployment-9 is not registered for School Moodle/)
    })

    it('an expired id token, another message type, another version, a launch without a user', async () => {
      const past = Math.floor(Date.now() / 1000) - 600
      await refused((await launch({ claims: launchClaims(), expiresIn: past })).response, 401, /expired/)
      const deepLinking = launchClaims({ [`${C}message_type`]: 'LtiDeepLinkingRequest' })
      await refused((await launch({ claims: deepLinking })).response, 400, /only resource-link launches/)
      const oldVersion = launchClaims({ [`${C}version`]: '1.1' })
      await refused((await launch({ claims: oldVersion })).response, 400, /only LTI version 1\.3\.0/)
      // undefined is left out of the signed JSON: a launch with no sub at all
      const anonymous = launchClaims({ sub: undefined })
      await refused((await launch({ claims: anonymous })).response, 401, /"sub"/)
    })

    it('a state that never existed and a post that is not a form', async () => {
      await refused(
        await postLaunch({ action: `${ORIGIN}/api/lti/launch`, id_token: 'x.y.z', state: 'made-up' }),
        400,
        /unknown state/,
      )
      const json = await launchRoute.POST(
        new Request(`${ORIGIN}/api/lti/launch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
      )
      expect(json.status).toBe(400)
    })
  })
})
