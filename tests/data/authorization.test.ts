// The authorization table: every page, route and server action, called as six people, answers as the table says.
// Pages and routes are called directly (no server): next/headers is replaced by the identity under test, and
// Next's redirect / forbidden / notFound interrupts are read back as the status codes Next would send.
import { randomBytes } from 'node:crypto'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { FormState } from '@/lib/classes/actions'

const request = vi.hoisted(() => ({ headers: new Headers(), jar: new Map<string, string>() }))
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.jar.has(name) ? { name, value: request.jar.get(name) } : undefined),
    set: (name: string, value: string) => void request.jar.set(name, value),
  }),
}))
vi.mock('next/cache', () => ({ revalidatePath: () => {} }))
// what next.config.mjs's experimental.authInterrupts sets in the real server
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true'

const { auth } = await import('@/lib/auth/auth')
const { LEARNER_COOKIE } = await import('@/lib/auth/cookie')
const { classForInstructor, createClass, joinClass } = await import('@/lib/classes/classes')
const actions = await import('@/lib/classes/actions')
const ltiActions = await import('@/lib/lti/actions')
const { listPlatforms, registerPlatform } = await import('@/lib/lti/platforms')
const { listLessons } = await import('@/lib/content/lessons')
const { listLabIds } = await import('@/lib/labs/lab-files')
const { PASSWORD, makeUser } = await import('./helpers')

type Who = 'anonymous' | 'learner' | 'otherLearner' | 'instructor' | 'otherInstructor' | 'admin'
const everyone: Who[] = ['anonymous', 'learner', 'otherLearner', 'instructor', 'otherInstructor', 'admin']
/** An answer: an HTTP status, "login" for a redirect to sign in, "/" for another redirect, ok/error for actions. */
type Answer = number | 'login' | 'home' | 'ok' | 'error'
type Row = { name: string; call: () => Promise<Answer>; expect: Record<Who, Answer> }

const all = (answer: Answer): Record<Who, Answer> => ({
  anonymous: answer,
  learner: answer,
  otherLearner: answer,
  instructor: answer,
  otherInstructor: answer,
  admin: answer,
})
const signedIn = (anonymous: Answer, others: Answer) => ({ ...all(others), anonymous })

const ORIGIN = 'http://localhost:3000'
const sessions = new Map<Who, string>()
/** The dashboard's learner pages and the review queue: a class member, and a question in their review queue. */
const dashboardFixtures = { learnerUserId: '', reviewSection: '', reviewQuestion: '', reviewAnswer: '' }
const fixtures = {
  classId: '',
  code: '',
  section: '',
  lab: '',
  spareUserId: '',
  spareInstructorEmail: '',
  ltiPlatformId: '',
}

function become(who: Who) {
  request.jar = new Map([[LEARNER_COOKIE, randomBytes(32).toString('base64url')]])
  request.headers = new Headers({ host: 'localhost:3000', cookie: sessions.get(who) ?? '' })
}

/** Runs a page; a returned element is 200, Next's interrupts become their status codes. */
async function page(render: () => Promise<unknown>): Promise<Answer> {
  try {
    await render()
    return 200
  } catch (error) {
    const digest = typeof error === 'object' && error && 'digest' in error ? String(error.digest) : ''
    if (digest.startsWith('NEXT_REDIRECT')) return digest.includes('/login?next=') ? 'login' : 'home'
    const fallback = /^NEXT_HTTP_ERROR_FALLBACK;(\d+)/.exec(digest)
    if (fallback) return Number(fallback[1])
    if (digest === 'NEXT_NOT_FOUND') return 404
    throw error
  }
}

async function action(run: (state: FormState, form: FormData) => Promise<FormState>, fields: Record<string, string>) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  const answer = await page(() =>
    run({ error: null, message: null }, form).then((s) => {
      if (s.error) throw Object.assign(new Error(s.error), { digest: 'ACTION_ERROR' })
    }),
  ).catch((error: unknown) =>
    error instanceof Error && 'digest' in error && error.digest === 'ACTION_ERROR' ? 'error' : Promise.reject(error),
  )
  return answer === 200 || answer === 'home' ? 'ok' : answer
}

const call = (url: string, init: RequestInit & { crossSite?: boolean } = {}) =>
  new Request(`${ORIGIN}${url}`, {
    ...init,
    headers: {
      host: 'localhost:3000',
      origin: init.crossSite ? 'https://evil.example' : ORIGIN,
      'content-type': 'application/json',
      cookie: request.headers.get('cookie') ?? '',
    },
  })
const params = <T>(value: T) => ({ params: Promise.resolve(value) })
/** A form an LMS page on another site posts (LTI login and launch). */
const lmsForm = (url: string, fields: Record<string, string>) =>
  new Request(`${ORIGIN}${url}`, {
    method: 'POST',
    headers: {
      host: 'localhost:3000',
      origin: 'https://lms.example',
      'sec-fetch-site': 'cross-site',
      'content-type': 'application/x-www-form-urlencoded',
      cookie: request.headers.get('cookie') ?? '',
    },
    body: new URLSearchParams(fields),
  })
const ltiLogin = (iss: string) => ({ iss, login_hint: 'x', target_link_uri: `${ORIGIN}/` })
const status = async (response: Response | Promise<Response>) => (await response).status
const json = (value: unknown) => JSON.stringify(value)

const rows: Row[] = [
  // pages
  { name: 'page /', call: () => page(async () => (await import('@/app/page')).default()), expect: all(200) },
  {
    name: 'page /login',
    call: () => page(async () => (await import('@/app/login/page')).default({ searchParams: Promise.resolve({}) })),
    expect: signedIn(200, 'home'),
  },
  {
    name: 'page /signup',
    call: () => page(async () => (await import('@/app/signup/page')).default({ searchParams: Promise.resolve({}) })),
    expect: signedIn(200, 'home'),
  },
  {
    name: 'page /progress',
    call: () => page(async () => (await import('@/app/progress/page')).default()),
    expect: all(200),
  },
  {
    name: 'page /forgot-password',
    call: () => page(async () => (await import('@/app/forgot-password/page')).default()),
    expect: all(200),
  },
  {
    name: 'page /reset-password',
    call: () =>
      page(async () =>
        (await import('@/app/reset-password/page')).default({ searchParams: Promise.resolve({ token: 'x' }) }),
      ),
    expect: all(200),
  },
  {
    name: 'page /account',
    call: () => page(async () => (await import('@/app/account/page')).default()),
    expect: signedIn('login', 200),
  },
  {
    name: 'page /classes',
    call: () => page(async () => (await import('@/app/classes/page')).default()),
    expect: signedIn('login', 200),
  },
  {
    name: 'page /classes/join/[code]',
    call: () =>
      page(async () => (await import('@/app/classes/join/[code]/page')).default(params({ code: fixtures.code }))),
    expect: signedIn('login', 200),
  },
  {
    name: 'page /instructor',
    call: () => page(async () => (await import('@/app/instructor/page')).default()),
    expect: { anonymous: 'login', learner: 403, otherLearner: 403, instructor: 200, otherInstructor: 200, admin: 200 },
  },
  {
    name: 'page /instructor/classes/[classId]',
    call: () =>
      page(async () =>
        (await import('@/app/instructor/classes/[classId]/page')).default(params({ classId: fixtures.classId })),
      ),
    expect: { anonymous: 'login', learner: 403, otherLearner: 403, instructor: 200, otherInstructor: 404, admin: 200 },
  },
  {
    name: 'page /instructor/classes/[classId]/quiz/[section]',
    call: () =>
      page(async () =>
        (await import('@/app/instructor/classes/[classId]/quiz/[section]/page')).default(
          params({ classId: fixtures.classId, section: fixtures.section }),
        ),
      ),
    expect: { anonymous: 'login', learner: 403, otherLearner: 403, instructor: 200, otherInstructor: 404, admin: 200 },
  },
  {
    name: 'page /labs/conformance',
    call: () => page(async () => (await import('@/app/labs/conformance/page')).default()),
    // public: which labs pass on which emulator, no learner data
    expect: all(200),
  },
  {
    name: 'page /instructor/classes/[classId]/learners/[userId]',
    call: () =>
      page(async () =>
        (await import('@/app/instructor/classes/[classId]/learners/[userId]/page')).default(
          params({ classId: fixtures.classId, userId: dashboardFixtures.learnerUserId }),
        ),
      ),
    expect: { anonymous: 'login', learner: 403, otherLearner: 403, instructor: 200, otherInstructor: 404, admin: 200 },
  },
  {
    name: 'page /instructor/classes/[classId]/labs',
    call: () =>
      page(async () =>
        (await import('@/app/instructor/classes/[classId]/labs/page')).default(params({ classId: fixtures.classId })),
      ),
    expect: { anonymous: 'login', learner: 403, otherLearner: 403, instructor: 200, otherInstructor: 404, admin: 200 },
  },
  {
    name: 'page /progress/review',
    call: () => page(async () => (await import('@/app/progress/review/page')).default()),
    expect: all(200),
  },
  {
    name: 'page /admin',
    call: () => page(async () => (await import('@/app/admin/page')).default()),
    expect: { anonymous: 'login', learner: 403, otherLearner: 403, instructor: 403, otherInstructor: 403, admin: 200 },
  },
  {
    name: 'page /admin/lti',
    call: () => page(async () => (await import('@/app/admin/lti/page')).default()),
    expect: { anonymous: 'login', learner: 403, otherLearner: 403, instructor: 403, otherInstructor: 403, admin: 200 },
  },
  // API routes
  {
    name: 'GET /api/classes/[classId]/gradebook',
    call: async () =>
      status(
        (await import('@/app/api/classes/[classId]/gradebook/route')).GET(
          call(`/api/classes/${fixtures.classId}/gradebook`),
          params({ classId: fixtures.classId }),
        ),
      ),
    expect: { anonymous: 401, learner: 404, otherLearner: 404, instructor: 200, otherInstructor: 404, admin: 200 },
  },
  {
    name: 'GET /api/classes/[classId]/xapi',
    call: async () =>
      status(
        (await import('@/app/api/classes/[classId]/xapi/route')).GET(
          call(`/api/classes/${fixtures.classId}/xapi`),
          params({ classId: fixtures.classId }),
        ),
      ),
    expect: { anonymous: 401, learner: 404, otherLearner: 404, instructor: 200, otherInstructor: 404, admin: 200 },
  },
  {
    name: 'GET /api/classes/[classId]/stuck',
    call: async () =>
      status(
        (await import('@/app/api/classes/[classId]/stuck/route')).GET(
          call(`/api/classes/${fixtures.classId}/stuck`),
          params({ classId: fixtures.classId }),
        ),
      ),
    expect: { anonymous: 401, learner: 404, otherLearner: 404, instructor: 200, otherInstructor: 404, admin: 200 },
  },
  {
    // only the learner whose queue holds the question may answer it; anyone else learns nothing (404)
    name: 'POST /api/review',
    call: async () =>
      status(
        (await import('@/app/api/review/route')).POST(
          call('/api/review', {
            method: 'POST',
            body: json({
              section: dashboardFixtures.reviewSection,
              questionId: dashboardFixtures.reviewQuestion,
              answers: [dashboardFixtures.reviewAnswer],
            }),
          }),
        ),
      ),
    expect: { ...all(404), learner: 200 },
  },
  {
    name: 'GET /api/labs/[lab]/solution',
    call: async () =>
      status(
        (await import('@/app/api/labs/[lab]/solution/route')).GET(
          call(`/api/labs/${fixtures.lab}/solution`),
          params({ lab: fixtures.lab }),
        ),
      ),
    // nobody has asked for it yet: the server keeps it until a reveal is recorded (tests/data/lab-assistance.test.ts)
    expect: all(403),
  },
  {
    name: 'PUT /api/lessons/[section]/cells/[cellId]',
    call: async () =>
      status(
        (await import('@/app/api/lessons/[section]/cells/[cellId]/route')).PUT(
          call('/api/lessons/s3/cells/cell-0', { method: 'PUT', body: json({ code: 'console.log(1)' }) }),
          params({ section: 's3', cellId: 'cell-0' }),
        ),
      ),
    // every visitor saves only into their own learner's drafts
    expect: all(200),
  },
  {
    name: 'PUT /api/lessons/[section]/cells/[cellId] for a cell that does not exist',
    call: async () =>
      status(
        (await import('@/app/api/lessons/[section]/cells/[cellId]/route')).PUT(
          call('/api/lessons/s3/cells/cell-999', { method: 'PUT', body: json({ code: 'x' }) }),
          params({ section: 's3', cellId: 'cell-999' }),
        ),
      ),
    expect: all(404),
  },
  {
    // GET and the deletes act only on the caller's own learner account (tests/integration/account.test.ts)
    name: 'POST /api/account with a kind that does not exist',
    call: async () =>
      status(
        (await import('@/app/api/account/route')).POST(
          call('/api/account', { method: 'POST', body: json({ action: 'delete', kind: 'users', id: 'x' }) }),
        ),
      ),
    expect: all(400),
  },
  {
    name: 'POST /api/kernel',
    call: async () =>
      status(
        (await import('@/app/api/kernel/route')).POST(
          call('/api/kernel', { method: 'POST', body: json({ section: 's3', action: 'restart' }) }),
        ),
      ),
    // only ever the caller's own kernel
    expect: all(200),
  },
  {
    name: 'POST /api/labs/[lab]/solution',
    call: async () =>
      status(
        (await import('@/app/api/labs/[lab]/solution/route')).POST(
          call(`/api/labs/${fixtures.lab}/solution`, { method: 'POST', body: json({}) }),
          params({ lab: fixtures.lab }),
        ),
      ),
    expect: all(200),
  },
  {
    name: 'GET /api/types',
    call: async () =>
      status((await import('@/app/api/types/route')).GET(call('/api/types?package=@aws-sdk/client-s3'))),
    expect: all(200),
  },
  {
    name: 'GET /api/auth/get-session',
    call: async () => status((await import('@/app/api/auth/[...all]/route')).GET(call('/api/auth/get-session'))),
    expect: all(200),
  },
  {
    name: 'POST /api/progress/visit',
    call: async () =>
      status(
        (await import('@/app/api/progress/visit/route')).POST(
          call('/api/progress/visit', { method: 'POST', body: json({ section: fixtures.section, readPercent: 10 }) }),
        ),
      ),
    expect: all(204),
  },
  {
    name: 'POST /api/quiz/[section]',
    call: async () =>
      status(
        (await import('@/app/api/quiz/[section]/route')).POST(
          call(`/api/quiz/${fixtures.section}`, { method: 'POST', body: json({ answers: {} }) }),
          params({ section: fixtures.section }),
        ),
      ),
    expect: all(200),
  },
  {
    name: 'POST /api/exams/[part]',
    call: async () =>
      status(
        (await import('@/app/api/exams/[part]/route')).POST(
          call('/api/exams/storage', { method: 'POST', body: json({ attempt: 1, answers: {} }) }),
          params({ part: 'storage' }),
        ),
      ),
    expect: all(200),
  },
  {
    name: 'cross-site POST /api/exams/[part]',
    call: async () =>
      status(
        (await import('@/app/api/exams/[part]/route')).POST(
          call('/api/exams/storage', { method: 'POST', body: json({ attempt: 1, answers: {} }), crossSite: true }),
          params({ part: 'storage' }),
        ),
      ),
    expect: all(403),
  },
  // every state-changing route refuses another site before doing anything
  ...(
    [
      '/api/run',
      '/api/environment',
      '/api/progress/visit',
      '/api/quiz/[section]',
      '/api/labs/[lab]/check',
      '/api/labs/[lab]/draft',
      '/api/labs/[lab]/reset',
      '/api/labs/[lab]/solution',
      '/api/lessons/[section]/cells/[cellId]',
      '/api/kernel',
      '/api/account',
      '/api/review',
      '/api/auth/sign-in/email',
    ] as const
  ).map((route): Row => ({
    name: `cross-site POST ${route}`,
    expect: all(403),
    call: async () => {
      const init = {
        method: 'POST',
        body: json({
          code: '',
          section: fixtures.section,
          readPercent: 1,
          answers: {},
          email: 'a@b.c',
          password: 'x',
        }),
        crossSite: true,
      }
      const lab = params({ lab: fixtures.lab })
      if (route === '/api/run') return status((await import('@/app/api/run/route')).POST(call('/api/run', init)))
      if (route === '/api/environment')
        return status((await import('@/app/api/environment/route')).POST(call('/api/environment', init)))
      if (route === '/api/progress/visit')
        return status((await import('@/app/api/progress/visit/route')).POST(call('/api/progress/visit', init)))
      if (route === '/api/quiz/[section]')
        return status(
          (await import('@/app/api/quiz/[section]/route')).POST(
            call('/api/quiz/x', init),
            params({ section: fixtures.section }),
          ),
        )
      if (route === '/api/labs/[lab]/check')
        return status((await import('@/app/api/labs/[lab]/check/route')).POST(call('/api/labs/x/check', init), lab))
      if (route === '/api/labs/[lab]/draft')
        return status(
          (await import('@/app/api/labs/[lab]/draft/route')).PUT(
            call('/api/labs/x/draft', { ...init, method: 'PUT' }),
            lab,
          ),
        )
      if (route === '/api/review')
        return status((await import('@/app/api/review/route')).POST(call('/api/review', init)))
      if (route === '/api/labs/[lab]/reset')
        return status((await import('@/app/api/labs/[lab]/reset/route')).POST(call('/api/labs/x/reset', init), lab))
      if (route === '/api/account')
        return status((await import('@/app/api/account/route')).POST(call('/api/account', init)))
      if (route === '/api/kernel') return status((await import('@/app/api/kernel/route')).POST(call('/api/kernel', init)))
      if (route === '/api/lessons/[section]/cells/[cellId]')
        return status(
          (await import('@/app/api/lessons/[section]/cells/[cellId]/route')).PUT(
            call('/api/lessons/s3/cells/cell-0', { ...init, method: 'PUT' }),
            params({ section: 's3', cellId: 'cell-0' }),
          ),
        )
      if (route === '/api/labs/[lab]/solution')
        return status(
          (await import('@/app/api/labs/[lab]/solution/route')).POST(call('/api/labs/x/solution', init), lab),
        )
      return status((await import('@/app/api/auth/[...all]/route')).POST(call('/api/auth/sign-in/email', init)))
    },
  })),
  {
    name: 'GET /api/lti/jwks',
    call: async () => status((await import('@/app/api/lti/jwks/route')).GET()),
    expect: all(200),
  },
  // An LMS sends LTI logins and launches from its own site, so these two answer cross-site requests by design (no
  // 403): without a registered platform's signed launch and a state Cloudbook issued, they change nothing for anyone.
  {
    name: 'GET /api/lti/login',
    call: async () =>
      status(
        (await import('@/app/api/lti/login/route')).GET(
          call(`/api/lti/login?${new URLSearchParams(ltiLogin('https://unregistered-lms.example'))}`),
        ),
      ),
    expect: all(400),
  },
  {
    name: 'cross-site POST /api/lti/login',
    call: async () =>
      status(
        (await import('@/app/api/lti/login/route')).POST(lmsForm('/api/lti/login', ltiLogin('https://x.example'))),
      ),
    expect: all(400),
  },
  {
    name: 'cross-site POST /api/lti/launch',
    call: async () =>
      status(
        (await import('@/app/api/lti/launch/route')).POST(
          lmsForm('/api/lti/launch', { id_token: 'e30.e30.e30', state: 'not-issued-by-cloudbook' }),
        ),
      ),
    expect: all(400),
  },
  // server actions (Next itself refuses cross-site action posts)
  {
    name: 'action createClass',
    call: () => action(actions.createClassAction, { title: 'Another class' }),
    expect: {
      anonymous: 'error',
      learner: 'error',
      otherLearner: 'error',
      instructor: 'ok',
      otherInstructor: 'ok',
      admin: 'ok',
    },
  },
  {
    name: 'action addCoInstructor',
    call: () =>
      action(actions.addCoInstructorAction, { classId: fixtures.classId, email: fixtures.spareInstructorEmail }),
    expect: {
      anonymous: 'error',
      learner: 'error',
      otherLearner: 'error',
      instructor: 'ok',
      otherInstructor: 'error',
      admin: 'ok',
    },
  },
  {
    name: 'action setRole',
    call: () => action(actions.setRoleAction, { userId: fixtures.spareUserId, role: 'learner' }),
    expect: {
      anonymous: 'error',
      learner: 'error',
      otherLearner: 'error',
      instructor: 'error',
      otherInstructor: 'error',
      admin: 'ok',
    },
  },
  {
    name: 'action registerLtiPlatform',
    call: () =>
      action(ltiActions.registerLtiPlatformAction, {
        name: 'Another LMS',
        issuer: `https://lms-${randomBytes(6).toString('hex')}.example`,
        clientId: 'cloudbook',
        authLoginUrl: 'https://lms.example/auth',
        tokenUrl: 'https://lms.example/token',
        jwksUrl: 'https://lms.example/jwks',
        deploymentIds: '1',
      }),
    expect: { ...all('error'), admin: 'ok' },
  },
  {
    name: 'action removeLtiPlatform',
    call: () => action(ltiActions.removeLtiPlatformAction, { platformId: fixtures.ltiPlatformId }),
    expect: { ...all('error'), admin: 'ok' },
  },
  {
    name: 'action joinClass',
    call: () => action(actions.joinClassAction, { code: fixtures.code }),
    expect: signedIn('error', 'ok'),
  },
]

/** Pages not walked here, and why: they carry no role and are exercised by the e2e journey. */
const notWalked = {
  'app/lessons/[section]/page.tsx':
    "public lesson page (compiles MDX); shows only the requesting learner's own quiz attempt",
  'app/labs/[lab]/page.tsx': "public lab page; shows only the requesting learner's own draft and attempt",
  'app/api/search-index/route.ts': 'public lesson search index; no learner data',
  'app/parts/[part]/exam/page.tsx':
    'public part exam page; draws questions for the requesting learner only, no stored data',
}

beforeAll(async () => {
  const people: [Who, 'learner' | 'instructor' | 'admin'][] = [
    ['learner', 'learner'],
    ['otherLearner', 'learner'],
    ['instructor', 'instructor'],
    ['otherInstructor', 'instructor'],
    ['admin', 'admin'],
  ]
  const users = new Map<Who, Awaited<ReturnType<typeof makeUser>>>()
  for (const [who, role] of people) {
    const user = await makeUser(role, `<b>${who}</b><script>alert(1)</script>`)
    users.set(who, user)
    const { headers } = await auth.api.signInEmail({
      body: { email: user.email, password: PASSWORD },
      returnHeaders: true,
    })
    sessions.set(
      who,
      headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
    )
  }
  const teacher = users.get('instructor')
  const other = users.get('otherInstructor')
  const learner = users.get('learner')
  if (!teacher || !other || !learner) throw new Error('fixtures')
  const created = await createClass(teacher, '<img src=x onerror=alert(1)> class')
  if (!created.ok) throw new Error(created.error)
  await createClass(other, 'Not yours')
  const found = await classForInstructor(teacher, created.value.id)
  fixtures.classId = created.value.id
  fixtures.code = found?.joinCode ?? ''
  await joinClass(learner, fixtures.code)
  const otherLearner = users.get('otherLearner')
  if (otherLearner) await joinClass(otherLearner, fixtures.code)
  fixtures.section = listLessons()[0]?.section ?? ''
  fixtures.lab = listLabIds()[0] ?? ''
  // a wrong quiz answer puts a question into the learner's review queue
  const { learnerForUser } = await import('@/lib/auth/learner')
  const { getLessonFile } = await import('@/lib/content/lessons')
  const { opaqueOptionId } = await import('@/lib/content/option-ids')
  const { optionIdScope } = await import('@/lib/content/option-secret')
  const { submitQuiz } = await import('@/lib/progress/quiz')
  const reviewed = (await learnerForUser(learner.id)).id
  const quiz = getLessonFile(fixtures.section)?.quiz
  const question = quiz?.questions[0]
  const wrong = question?.options.find((o) => !question.correct.includes(o.id))
  if (!quiz || !question || !wrong) throw new Error('needs a quiz question with a wrong option')
  await submitQuiz(reviewed, fixtures.section, quiz, { [question.id]: [wrong.id] }, null)
  dashboardFixtures.learnerUserId = learner.id
  dashboardFixtures.reviewSection = fixtures.section
  dashboardFixtures.reviewQuestion = question.id
  dashboardFixtures.reviewAnswer = opaqueOptionId(optionIdScope(reviewed, fixtures.section), question.id, wrong.id)
  fixtures.spareUserId = (await makeUser('learner')).id
  fixtures.spareInstructorEmail = (await makeUser('instructor')).email
  const admin = users.get('admin')
  if (!admin) throw new Error('fixtures')
  const registered = await registerPlatform(admin, {
    name: '<script>alert(1)</script> LMS',
    issuer: 'https://hostile-lms.example',
    clientId: 'cloudbook',
    authLoginUrl: 'https://hostile-lms.example/auth',
    tokenUrl: 'https://hostile-lms.example/token',
    jwksUrl: 'https://hostile-lms.example/jwks',
    deploymentIds: '1',
  })
  const spare = await registerPlatform(admin, {
    name: 'Spare LMS',
    issuer: 'https://spare-lms.example',
    clientId: 'cloudbook',
    authLoginUrl: 'https://spare-lms.example/auth',
    tokenUrl: 'https://spare-lms.example/token',
    jwksUrl: 'https://spare-lms.example/jwks',
    deploymentIds: '1',
  })
  if (!registered.ok || !spare.ok) throw new Error('LTI platform fixtures')
  fixtures.ltiPlatformId = (await listPlatforms()).find((p) => p.issuer === 'https://spare-lms.example')?.id ?? ''
})

describe(`authorization table on ${process.env.CLOUDBOOK_TEST_DB}`, () => {
  it.each(rows.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
    const answers: Partial<Record<Who, Answer>> = {}
    for (const who of everyone) {
      become(who)
      answers[who] = await row.call()
    }
    expect(answers).toEqual(row.expect)
  })

  it('renders hostile names and class titles as text, never as markup', async () => {
    const { renderToStaticMarkup } = await import('react-dom/server')
    const pages = [
      async () =>
        (await import('@/app/instructor/classes/[classId]/page')).default(params({ classId: fixtures.classId })),
      async () =>
        (await import('@/app/instructor/classes/[classId]/learners/[userId]/page')).default(
          params({ classId: fixtures.classId, userId: dashboardFixtures.learnerUserId }),
        ),
      async () => (await import('@/app/admin/page')).default(),
      async () => (await import('@/app/admin/lti/page')).default(),
      async () => (await import('@/app/instructor/page')).default(),
    ]
    become('admin')
    for (const render of pages) {
      const html = renderToStaticMarkup(await render())
      expect(html).toMatch(/&lt;(img|b|script)/)
      expect(html).not.toMatch(/<img src=x|<script>alert|<b>/)
    }
  })

  it('covers every page and route in app/', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name)
        return entry.isDirectory() ? files(full) : /^(page\.tsx|route\.ts)$/.test(entry.name) ? [full] : []
      })
    const walked = new Set(rows.map((r) => /\s(\/\S*)/.exec(r.name)?.[1]).filter(Boolean))
    const uncovered = files('app').filter((file) => {
      if (file in notWalked) return false
      const route = '/' + path.dirname(path.relative('app', file)).replace(/^\.$/, '')
      if (route === '/api/auth/[...all]') return !walked.has('/api/auth/get-session')
      return !walked.has(route)
    })
    expect(uncovered).toEqual([])
  })
})
