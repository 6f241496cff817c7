// POST /api/environment takes the SDK clients a page's cells import and warms those services in the learner's
// emulator (lib/environments/warm-services.ts). A learner can send anything there: only @aws-sdk/client-* names,
// at most 16, get through, and a refusal says what was expected, before any environment is touched.
import { describe, expect, it, vi } from 'vitest'

vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'localhost:3000' }),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}))

const { POST } = await import('@/app/api/environment/route')

const post = (body: string) =>
  POST(
    new Request('http://localhost:3000/api/environment', {
      method: 'POST',
      headers: { origin: 'http://localhost:3000', 'content-type': 'application/json' },
      body,
    }),
  )

describe(`POST /api/environment refuses what is not a list of SDK clients, on ${process.env.CLOUDBOOK_TEST_DB}`, () => {
  it.each([
    ['a path out of the package folder', ['@aws-sdk/client-s3/../../zod'], /clients are @aws-sdk\/client-\* package names/],
    ['another package', ['left-pad'], /clients are @aws-sdk\/client-\* package names/],
    ['a non-client SDK package', ['@aws-sdk/util-dynamodb'], /clients are @aws-sdk\/client-\* package names/],
    ['too many names', Array.from({ length: 17 }, (_, i) => `@aws-sdk/client-x${i}`), /at most 16 clients/],
  ])('%s: 400 with the reason', async (_, clients, reason) => {
    const response = await post(JSON.stringify({ clients }))
    expect(response.status).toBe(400)
    expect((await response.json()).error).toMatch(reason)
  })

  it('a body that is not JSON: 400 saying it must be JSON', async () => {
    const response = await post('clients=@aws-sdk/client-s3')
    expect(response.status).toBe(400)
    expect((await response.json()).error).toMatch(/must be JSON/)
  })
})
