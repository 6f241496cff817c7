import { toNextJsHandler } from 'better-auth/next-js'
import { auth } from '@/lib/auth/auth'
import { refuseCrossOrigin } from '@/lib/auth/guard'
import { refuseTooManyAttempts } from '@/lib/auth/rate-limit'

const handlers = toNextJsHandler(auth)

/** better-auth's endpoints: session, sign-out, etc. */
export const GET = handlers.GET

/** better-auth's endpoints: sign-up, sign-in, sign-out, change/reset password, revoke sessions. */
export async function POST(request: Request) {
  const refused = refuseCrossOrigin(request) ?? (await refuseTooManyAttempts(request))
  if (refused) return refused
  return handlers.POST(request)
}
