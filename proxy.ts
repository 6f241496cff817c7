import { NextResponse, type NextRequest } from 'next/server'
import { LEARNER_COOKIE, isLearnerToken, learnerCookieOptions, newLearnerToken } from './lib/auth/cookie'

/**
 * Gives every browser a well-formed anonymous learner token (httpOnly) before any page or API reads it; a
 * missing, empty or garbled cookie is replaced. No database row is made here: the learner is created the first
 * time something is saved (lib/auth/learner.ts).
 */
export function proxy(request: NextRequest) {
  if (isLearnerToken(request.cookies.get(LEARNER_COOKIE)?.value)) return NextResponse.next()
  const token = newLearnerToken()
  request.cookies.set(LEARNER_COOKIE, token)
  const response = NextResponse.next({ request: { headers: request.headers } })
  response.cookies.set(LEARNER_COOKIE, token, learnerCookieOptions(request.nextUrl.protocol === 'https:'))
  return response
}

export const config = { matcher: ['/((?!_next/|favicon.ico|monaco/).*)'] }
