import { toolJwks } from '@/lib/lti/keys'

/** Cloudbook's public LTI keyset: platforms verify the client assertions of grade passback with it. */
export async function GET() {
  return Response.json(await toolJwks(), { headers: { 'cache-control': 'public, max-age=3600' } })
}
