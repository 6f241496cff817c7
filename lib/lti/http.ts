import 'server-only'
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

const MAX_FORM_BYTES = 64 * 1024

/** The fields of a form an LMS posted (urlencoded or multipart), or null for anything else or anything too big. */
export async function readLtiForm(request: Request): Promise<Record<string, string> | null> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type)) return null
  if (Number(request.headers.get('content-length') ?? 0) > MAX_FORM_BYTES) return null
  try {
    const form = await request.formData()
    const fields: Record<string, string> = {}
    for (const [key, value] of form) if (typeof value === 'string') fields[key] = value
    return fields
  } catch {
    return null
  }
}

/** A refused login or launch: a sentence for the person in front of the LMS, as plain text (nothing to escape). */
export const refusal = ({ status, message }: { status: number; message: string }) =>
  new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  })

/**
 * Each login initiation stores a state row, and anyone can send one for a registered issuer: a brake per client
 * address, loose enough for a whole class behind one school address opening the link at once.
 */
const logins = new RateLimiterMemory({ keyPrefix: 'lti-login', points: 120, duration: 60 })

export async function refuseLoginFlood(request: Request): Promise<Response | null> {
  const address =
    request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || request.headers.get('x-real-ip') || 'local'
  try {
    await logins.consume(address)
    return null
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    const seconds = Math.ceil(rejection.msBeforeNext / 1000)
    return new Response(`Too many LTI logins from this address. Wait ${seconds} seconds and open the link again.`, {
      status: 429,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'retry-after': String(seconds) },
    })
  }
}
