import { NextResponse, type NextRequest } from 'next/server'
import { LEARNER_COOKIE } from './lib/auth/cookie'

/** Gives every visitor an anonymous learner token (httpOnly) before any page or API reads it. */
export function proxy(request: NextRequest) {
  if (request.cookies.get(LEARNER_COOKIE)) return NextResponse.next()
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  const token = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')
  request.cookies.set(LEARNER_COOKIE, token)
  const response = NextResponse.next({ request: { headers: request.headers } })
  response.cookies.set(LEARNER_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.nextUrl.protocol === 'https:',
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
  })
  return response
}

export const config = { matcher: ['/((?!_next/|favicon.ico|monaco/).*)'] }
