import 'server-only'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

/**
 * Per-learner brakes on Run and Check (docs/decisions/0009-charts-and-review-scheduling.md), with the same kept limiter
 * as sign-in (lib/auth/rate-limit.ts). Every run starts a sandbox and calls the learner's emulator, so a script
 * pressing Run in a loop would take CPU from the whole class; a person working at full speed stays well below these.
 * Memory store: one app process (a shared store is a one-line change when Cloudbook runs several instances).
 */
export const RUN_LIMITS = {
  run: { points: 20, duration: 60, noun: 'runs', verb: 'run' },
  check: { points: 10, duration: 60, noun: 'checks', verb: 'check' },
} as const

export type RunKind = keyof typeof RUN_LIMITS

const limiters: Record<RunKind, RateLimiterMemory> = {
  run: new RateLimiterMemory({ keyPrefix: 'run', points: RUN_LIMITS.run.points, duration: RUN_LIMITS.run.duration }),
  check: new RateLimiterMemory({
    keyPrefix: 'check',
    points: RUN_LIMITS.check.points,
    duration: RUN_LIMITS.check.duration,
  }),
}

/**
 * Counts one Run or Check for this learner: null while under the limit, else the answer to send — 429 with
 * Retry-After (seconds) and a JSON body `{ error, message, code: 'RATE_LIMITED', retryAfterSeconds }`.
 * Call it after the learner is known and before any work starts.
 */
export async function refuseTooManyRuns(learnerId: string, kind: RunKind): Promise<Response | null> {
  try {
    await limiters[kind].consume(learnerId)
    return null
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
    const limit = RUN_LIMITS[kind]
    const message =
      `You started ${limit.points} ${limit.noun} in the last minute, the most Cloudbook allows. ` +
      `Wait ${seconds} second${seconds === 1 ? '' : 's'}, then ${limit.verb} again.`
    return Response.json(
      { error: message, message, code: 'RATE_LIMITED', retryAfterSeconds: seconds },
      { status: 429, headers: { 'retry-after': String(seconds) } },
    )
  }
}
