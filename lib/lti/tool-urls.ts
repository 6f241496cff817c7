/**
 * The addresses an LMS is configured with. CLOUDBOOK_URL when set (behind a proxy it is the only reliable one),
 * else the address the request came to, so a login and its launch agree on the redirect URI.
 */
export function cloudbookBase(configured: string | undefined, headers: Headers, requestUrl?: string): string {
  if (configured) return configured.replace(/\/+$/, '')
  const host = headers.get('x-forwarded-host')?.split(',')[0]?.trim() || headers.get('host')
  const fallback = requestUrl ? new URL(requestUrl) : null
  const proto = headers.get('x-forwarded-proto')?.split(',')[0]?.trim() || fallback?.protocol.replace(':', '') || 'http'
  if (host) return `${proto}://${host}`
  return fallback ? fallback.origin : 'http://localhost:3000'
}

export function toolUrls(base: string) {
  return {
    login: `${base}/api/lti/login`,
    launch: `${base}/api/lti/launch`,
    jwks: `${base}/api/lti/jwks`,
    target: `${base}/`,
  }
}
