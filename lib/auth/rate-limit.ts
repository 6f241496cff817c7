import 'server-only'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import { z } from 'zod'

/**
 * Brute-force brakes in front of better-auth (docs/decisions/0006-accounts.md): per client address and email for
 * sign-in, per address for sign-up and reset requests. Memory store: one app process; a shared store (Redis,
 * PostgreSQL) is a one-line change in rate-limiter-flexible when Cloudbook runs several instances.
 */
const limiters = {
  '/api/auth/sign-in/email': new RateLimiterMemory({ keyPrefix: 'sign-in', points: 10, duration: 15 * 60 }),
  '/api/auth/sign-up/email': new RateLimiterMemory({ keyPrefix: 'sign-up', points: 5, duration: 60 * 60 }),
  '/api/auth/request-password-reset': new RateLimiterMemory({ keyPrefix: 'reset', points: 5, duration: 60 * 60 }),
  '/api/auth/change-password': new RateLimiterMemory({ keyPrefix: 'change', points: 10, duration: 15 * 60 }),
}

const emailBody = z.object({ email: z.string().max(320) }).partial()

function isLimitedPath(path: string): path is keyof typeof limiters {
  return path in limiters
}

const clientAddress = (request: Request) =>
  request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || 'local'

/** 429 with Retry-After once a client has used up its attempts, else null. */
export async function refuseTooManyAttempts(request: Request): Promise<Response | null> {
  const path = new URL(request.url).pathname
  if (!isLimitedPath(path)) return null
  let email = ''
  if (path === '/api/auth/sign-in/email') {
    const body = emailBody.safeParse(
      await request
        .clone()
        .json()
        .catch(() => ({})),
    )
    email = body.success ? (body.data.email ?? '').toLowerCase() : ''
  }
  try {
    await limiters[path].consume(`${clientAddress(request)}|${email}`)
    return null
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    const seconds = Math.ceil(rejection.msBeforeNext / 1000)
    const message = `Too many attempts. Wait ${Math.ceil(seconds / 60)} minute(s) and try again.`
    return Response.json(
      { error: message, message, code: 'RATE_LIMITED' },
      { status: 429, headers: { 'retry-after': String(seconds) } },
    )
  }
}
