/**
 * Cross-site request forgery guard for every state-changing route: the browser's Origin header must be this
 * app (the host the request came to) or an origin listed in CLOUDBOOK_TRUSTED_ORIGINS / CLOUDBOOK_URL. Browsers
 * send Origin on every POST/PUT/DELETE, so a request without it is not a browser form or fetch from another site;
 * it is still refused when Sec-Fetch-Site says it crossed sites.
 */
export function crossOriginProblem(request: Request, trusted: readonly string[]): string | null {
  const origin = request.headers.get('origin')
  if (!origin) {
    return request.headers.get('sec-fetch-site') === 'cross-site'
      ? 'This request came from another site, and Cloudbook only accepts changes sent from its own pages.'
      : null
  }
  let host: string
  try {
    host = new URL(origin).host
  } catch {
    return `This request carried an unreadable Origin ("${origin.slice(0, 80)}"); send it from Cloudbook's own pages.`
  }
  const requestHosts = [
    request.headers.get('x-forwarded-host')?.split(',')[0]?.trim(),
    request.headers.get('host'),
    safeHost(request.url),
  ]
  if (requestHosts.includes(host)) return null
  if (trusted.some((t) => safeHost(t) === host)) return null
  return (
    `This request was sent from ${origin}, not from Cloudbook itself, so it was refused. If Cloudbook is served ` +
    'under that address, add it to CLOUDBOOK_TRUSTED_ORIGINS (or set CLOUDBOOK_URL).'
  )
}

function safeHost(url: string): string | undefined {
  try {
    return new URL(url).host
  } catch {
    return undefined
  }
}

/** The origins this request was addressed to (the Host / X-Forwarded-Host header), for better-auth's own check. */
export function requestOrigins(request: Request | undefined): string[] {
  if (!request) return []
  const hosts = [request.headers.get('x-forwarded-host')?.split(',')[0]?.trim(), request.headers.get('host')]
  return hosts.filter((h): h is string => !!h).flatMap((h) => [`http://${h}`, `https://${h}`])
}
