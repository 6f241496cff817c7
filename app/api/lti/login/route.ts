import { env } from '@/lib/env'
import { startLogin } from '@/lib/lti/login'
import { readLtiForm, refusal, refuseLoginFlood } from '@/lib/lti/http'
import { cloudbookBase, toolUrls } from '@/lib/lti/tool-urls'

// LTI 1.3 third-party initiated login. The LMS sends the browser here from another site, by GET or by a form
// POST, so there is no Origin check (refuseCrossOrigin would refuse every real launch): this endpoint changes
// nothing but a one-time state, and the launch it leads to is verified by signature, state and nonce.

async function login(request: Request, params: Record<string, string>) {
  const flooded = await refuseLoginFlood(request)
  if (flooded) return flooded
  const launchUrl = toolUrls(cloudbookBase(env.CLOUDBOOK_URL, request.headers, request.url)).launch
  const result = await startLogin(params, launchUrl)
  if (!result.ok) return refusal(result)
  return new Response(null, { status: 302, headers: { location: result.redirect, 'cache-control': 'no-store' } })
}

export async function GET(request: Request) {
  return login(request, Object.fromEntries(new URL(request.url).searchParams))
}

export async function POST(request: Request) {
  const form = await readLtiForm(request)
  if (!form) return refusal({ status: 400, message: 'Cloudbook expected the LMS to post a form to this address.' })
  return login(request, form)
}
