// Run and Check are rate-limited per learner at the routes (lib/runner/rate-limit.ts): the 21st Run in a minute is
// answered 429 with Retry-After and a sentence the cell shows, before any sandbox starts.
import { randomBytes } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'

const request = vi.hoisted(() => ({ headers: new Headers(), jar: new Map<string, string>() }))
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.jar.has(name) ? { name, value: request.jar.get(name) } : undefined),
    set: (name: string, value: string) => void request.jar.set(name, value),
  }),
}))

const { LEARNER_COOKIE } = await import('@/lib/auth/cookie')
const { POST } = await import('@/app/api/run/route')

// an invalid body still counts: the limit is checked before anything else, so a flood costs nothing to refuse
const post = () =>
  POST(
    new Request('http://localhost:3000/api/run', {
      method: 'POST',
      headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
      body: JSON.stringify({ nope: true }),
    }),
  )

describe(`run limits on ${process.env.CLOUDBOOK_TEST_DB}`, () => {
  it('answers the 21st run in a minute with 429, Retry-After and what to do; another learner is unaffected', async () => {
    request.jar = new Map([[LEARNER_COOKIE, randomBytes(32).toString('base64url')]])
    request.headers = new Headers({ host: 'localhost:3000' })
    const statuses = []
    for (let i = 0; i < 20; i++) statuses.push((await post()).status)
    expect(new Set(statuses)).toEqual(new Set([400]))
    const limited = await post()
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await limited.json()).error).toMatch(/You started 20 runs in the last minute.*Wait \d+ seconds?/)
    request.jar = new Map([[LEARNER_COOKIE, randomBytes(32).toString('base64url')]])
    expect((await post()).status).toBe(400)
  })
})
