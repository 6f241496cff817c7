// Web attacks against the real server, with Playwright's API client only (no browser): cross-site POSTs are
// refused by the Origin check on every state-changing route, cookies are replaced rather than trusted, and path
// traversal through lab and lesson names finds nothing. Each case asserts what the caller is told.
import { expect, test, type APIRequestContext } from '@playwright/test'

const EVIL = 'https://evil.example'
const LAB = 's3-versioning'
const CROSS_ORIGIN =
  /^This request was sent from https:\/\/evil\.example, not from Cloudbook itself, so it was refused\./

/** Every POST/PUT route that changes state or starts work, with a body it would otherwise accept. */
const STATE_CHANGING: { method: 'post' | 'put'; path: string; data: unknown }[] = [
  { method: 'post', path: '/api/run', data: { code: "console.log('hi')" } },
  { method: 'post', path: `/api/labs/${LAB}/check`, data: {} },
  { method: 'put', path: `/api/labs/${LAB}/draft`, data: { code: '// draft' } },
  { method: 'post', path: `/api/labs/${LAB}/reset`, data: {} },
  { method: 'post', path: '/api/progress/visit', data: { section: 's3', readPercent: 100 } },
  { method: 'post', path: '/api/quiz/s3', data: { answers: {}, durationMs: 1000 } },
  { method: 'post', path: '/api/environment', data: {} },
]

const send = (request: APIRequestContext, route: (typeof STATE_CHANGING)[number], headers: Record<string, string>) =>
  request[route.method](route.path, { data: route.data, headers, failOnStatusCode: false })

test.describe('Origin checks on state-changing routes', () => {
  for (const route of STATE_CHANGING) {
    test(`${route.method.toUpperCase()} ${route.path} from another site is refused with 403 and a reason`, async ({
      request,
    }) => {
      const response = await send(request, route, { origin: EVIL })
      expect(response.status()).toBe(403)
      expect((await response.json()).error).toMatch(CROSS_ORIGIN)
    })
  }

  test('a request without Origin but marked cross-site by the browser is refused', async ({ request }) => {
    const response = await request.post('/api/run', {
      data: { code: '1' },
      headers: { 'sec-fetch-site': 'cross-site' },
      failOnStatusCode: false,
    })
    expect(response.status()).toBe(403)
    expect((await response.json()).error).toBe(
      'This request came from another site, and Cloudbook only accepts changes sent from its own pages.',
    )
  })

  test('Origin "null" (a sandboxed iframe or a data: page) is refused as unreadable', async ({ request }) => {
    const response = await request.post('/api/progress/visit', {
      data: { section: 's3', readPercent: 1 },
      headers: { origin: 'null' },
      failOnStatusCode: false,
    })
    expect(response.status()).toBe(403)
    expect((await response.json()).error).toMatch(/^This request carried an unreadable Origin \("null"\)/)
  })

  test('a look-alike origin that starts with the real host is refused', async ({ request, baseURL }) => {
    // a valid origin whose host merely starts with the real one (127.0.0.1.evil.example:3210)
    const real = new URL(baseURL ?? '')
    const lookalike = `${real.protocol}//${real.hostname}.evil.example:${real.port}`
    const response = await request.post('/api/environment', {
      data: {},
      headers: { origin: lookalike },
      failOnStatusCode: false,
    })
    expect(response.status()).toBe(403)
    expect((await response.json()).error).toContain(`This request was sent from ${lookalike}`)
  })

  test('the same request from Cloudbook itself is accepted (the check is not simply closed)', async ({
    request,
    baseURL,
  }) => {
    const response = await request.post('/api/progress/visit', {
      data: { section: 's3', readPercent: 10 },
      headers: { origin: new URL(baseURL ?? '').origin },
      failOnStatusCode: false,
    })
    expect(response.status()).toBe(204)
  })
})

test.describe('request bodies', () => {
  test('a body that is not JSON is a 400 with a message, not a 500', async ({ request }) => {
    const response = await request.post('/api/run', {
      data: 'this is not json',
      headers: { 'content-type': 'application/json' },
      failOnStatusCode: false,
    })
    expect(response.status()).toBe(400)
    expect(typeof (await response.json()).error).toBe('string')
  })

  test('code over 100 KB is refused before any sandbox starts', async ({ request }) => {
    const response = await request.post('/api/run', { data: { code: 'x'.repeat(100_001) }, failOnStatusCode: false })
    expect(response.status()).toBe(400)
    expect((await response.json()).error).toBe('code is larger than 100 KB')
  })
})

test.describe('cookies', () => {
  for (const [name, value] of [
    ['empty', ''],
    ['garbled', 'not-a-token;%00'],
    ['too short', 'abc'],
  ]) {
    test(`an ${name} learner cookie is replaced by a fresh httpOnly, SameSite=Lax token and nothing fails`, async ({
      request,
    }) => {
      const response = await request.post('/api/progress/visit', {
        data: { section: 's3', readPercent: 5 },
        headers: { cookie: `cloudbook_learner=${value}` },
        failOnStatusCode: false,
      })
      expect(response.status()).toBe(204)
      const setCookie = response
        .headersArray()
        .find((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('cloudbook_learner='))
      expect(setCookie?.value).toMatch(/^cloudbook_learner=[A-Za-z0-9_-]{43};/)
      expect(setCookie?.value).toMatch(/HttpOnly/i)
      expect(setCookie?.value).toMatch(/SameSite=lax/i)
    })
  }

  test('a well-formed but never-issued token is just a new anonymous learner: no instructor data', async ({
    request,
  }) => {
    const gradebook = await request.get('/api/classes/any-class/gradebook', {
      headers: { cookie: `cloudbook_learner=${'A'.repeat(43)}` },
      failOnStatusCode: false,
    })
    expect(gradebook.status()).toBe(401)
    expect((await gradebook.json()).error).toBe('Sign in as the class instructor to download its gradebook.')
  })
})

test.describe('path traversal', () => {
  for (const lab of [
    '..%2F..%2Fpackage.json',
    '..%2F..%2F.cloudbook%2Fcloudbook.db',
    '%2e%2e',
    's3-versioning%2F..%2F..%2Flib',
  ]) {
    test(`/api/labs/${lab}/solution finds no lab`, async ({ request }) => {
      const response = await request.get(`/api/labs/${lab}/solution`, { failOnStatusCode: false })
      expect(response.status()).toBe(404)
      const text = await response.text()
      expect(text).not.toContain('"name": "cloudbook"')
      expect(text).not.toContain('SQLite format')
    })
  }

  test('POST /api/labs/<traversal>/check is a 404 naming no lab, and runs nothing', async ({ request, baseURL }) => {
    const response = await request.post('/api/labs/..%2F..%2Flib%2Fauth/check', {
      data: {},
      headers: { origin: new URL(baseURL ?? '').origin },
      failOnStatusCode: false,
    })
    expect(response.status()).toBe(404)
    // Next may or may not decode %2F inside the segment; either way no lab has that name and no check ran
    const text = await response.text()
    expect(text).not.toContain('"type":"result"')
    if (response.headers()['content-type']?.includes('json'))
      expect(JSON.parse(text).error).toMatch(/^No lab "\.\.(\/|%2F)/)
  })

  for (const section of [
    '..%2F..%2Fpackage.json',
    '..%2F..%2Flabs%2Fs3-versioning%2Fsolution.ts',
    '..%252F..%252Fpackage.json',
  ]) {
    test(`/lessons/${section} is a 404 page without the file`, async ({ request }) => {
      const response = await request.get(`/lessons/${section}`, { failOnStatusCode: false })
      expect(response.status()).toBe(404)
      const text = await response.text()
      expect(text).not.toContain('"name": "cloudbook"')
      expect(text).not.toContain('PutBucketVersioningCommand')
    })
  }
})
