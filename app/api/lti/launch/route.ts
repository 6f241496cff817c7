import { acceptLaunch } from '@/lib/lti/accept'
import { readLtiForm, refusal } from '@/lib/lti/http'

// The LTI 1.3 launch: the LMS's page posts the id token here from another site, so there is no Origin check
// (refuseCrossOrigin would refuse every real launch). What protects it: the token's signature against the
// platform's JWKS, its issuer, audience and expiry, and the one-time state and nonce (lib/lti/launch.ts).
export async function POST(request: Request) {
  const form = await readLtiForm(request)
  if (!form) return refusal({ status: 400, message: 'Cloudbook expected the LMS to post the launch as a form.' })
  const accepted = await acceptLaunch(request, form)
  if (!accepted.ok) return refusal(accepted)
  const response = new Response(null, {
    status: 303,
    headers: { location: accepted.location, 'cache-control': 'no-store' },
  })
  for (const cookie of accepted.cookies) response.headers.append('set-cookie', cookie)
  return response
}
