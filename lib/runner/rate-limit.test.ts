import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { RUN_LIMITS, refuseTooManyRuns } from './rate-limit'

afterEach(() => {
  vi.useRealTimers()
})

describe('refuseTooManyRuns', () => {
  it('lets a learner run up to the limit in a minute, then answers 429 with Retry-After and a clear message', async () => {
    const learner = randomUUID()
    for (let i = 0; i < RUN_LIMITS.run.points; i++) expect(await refuseTooManyRuns(learner, 'run')).toBeNull()
    const refused = await refuseTooManyRuns(learner, 'run')
    expect(refused?.status).toBe(429)
    const retryAfter = Number(refused?.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(await refused?.json()).toEqual({
      error: expect.stringMatching(/^You started 20 runs in the last minute.*Wait \d+ seconds?, then run again\.$/),
      message: expect.any(String),
      code: 'RATE_LIMITED',
      retryAfterSeconds: retryAfter,
    })
  })

  it('counts each learner and each kind on its own', async () => {
    const busy = randomUUID()
    for (let i = 0; i <= RUN_LIMITS.run.points; i++) await refuseTooManyRuns(busy, 'run')
    expect((await refuseTooManyRuns(busy, 'run'))?.status).toBe(429)
    expect(await refuseTooManyRuns(randomUUID(), 'run')).toBeNull()
    // running a lot does not use up the learner's checks
    expect(await refuseTooManyRuns(busy, 'check')).toBeNull()
  })

  it('limits checks at their own, lower rate and says "check again"', async () => {
    const learner = randomUUID()
    for (let i = 0; i < RUN_LIMITS.check.points; i++) expect(await refuseTooManyRuns(learner, 'check')).toBeNull()
    const refused = await refuseTooManyRuns(learner, 'check')
    expect(refused?.status).toBe(429)
    expect(await refused?.json()).toMatchObject({ message: expect.stringMatching(/10 checks.*then check again\.$/) })
  })

  it('lets the learner go on once the minute has passed', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-04T12:00:00Z') })
    const learner = randomUUID()
    for (let i = 0; i < RUN_LIMITS.run.points; i++) await refuseTooManyRuns(learner, 'run')
    expect((await refuseTooManyRuns(learner, 'run'))?.status).toBe(429)
    vi.advanceTimersByTime(30_000)
    const stillRefused = await refuseTooManyRuns(learner, 'run')
    expect(Number(stillRefused?.headers.get('retry-after'))).toBe(30)
    vi.advanceTimersByTime(30_001)
    expect(await refuseTooManyRuns(learner, 'run')).toBeNull()
  })
})
