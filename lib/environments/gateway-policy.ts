/**
 * What the gateway lets through, as pure functions of a request (unit-tested in gateway-policy.test.ts).
 * The gateway stands between every sandbox and the emulator: learner code never reaches an emulator directly.
 */

export type Refusal = { status: number; code: string; message: string }

const ADMIN = (path: string): Refusal => ({
  status: 403,
  code: 'CloudbookBlockedAdminEndpoint',
  message: `Cloudbook blocks the emulator's own admin endpoints (${path.slice(0, 60)}) for learner code. Use the AWS API instead, or the Reset button for a clean environment.`,
})

/** Decoded path segments; undefined when the path cannot be decoded (refused). */
function segments(rawTarget: string): string[] | undefined {
  let pathname: string
  try {
    // origin-form ("/a/b?c") is taken literally: URL parsing would read "//_x/…" or "/\\_x/…" as a host name.
    // Absolute-form targets ("http://host/_ministack/reset") are paths too.
    pathname = rawTarget.startsWith('/') ? (rawTarget.split('?')[0] ?? '') : new URL(rawTarget).pathname
    pathname = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  return pathname.split(/[/\\]+/).filter(Boolean)
}

/**
 * Emulator admin and internal endpoints (`/_localstack/…`, `/_ministack/…`, `/_aws/…`) start with "_"; no
 * bucket name, queue path or API path of AWS does, so the first segment decides after percent-decoding.
 */
export function adminRefusal(rawTarget: string): Refusal | undefined {
  const parts = segments(rawTarget)
  if (!parts) return { status: 400, code: 'CloudbookBadRequest', message: 'The request path could not be decoded.' }
  if (parts[0]?.startsWith('_')) return ADMIN(`/${parts[0]}`)
  return undefined
}

export type Signature = { accessKeyId: string; service: string } | undefined

/** The access key and service a SigV4 request (header or presigned query) is signed with. */
export function signatureOf(headers: Record<string, string | string[] | undefined>, rawTarget: string): Signature {
  const auth = headers.authorization
  const text = Array.isArray(auth) ? auth[0] : auth
  const fromHeader = text ? /Credential=([^/,\s]+)\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(text) : null
  if (fromHeader?.[1] && fromHeader[2]) return { accessKeyId: fromHeader[1], service: fromHeader[2] }
  try {
    const credential = new URL(rawTarget, 'http://127.0.0.1').searchParams.get('X-Amz-Credential')
    const parts = credential?.split('/')
    if (parts && parts.length >= 5 && parts[0] && parts[3]) return { accessKeyId: parts[0], service: parts[3] }
  } catch {
    return undefined
  }
  return undefined
}

/** Account ids named in ARNs or queue URLs of a request's path or body. */
export function accountsNamed(text: string): Set<string> {
  let decoded = text
  try {
    decoded = decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    // not URL-encoded: scan as is
  }
  const found = new Set<string>()
  for (const match of decoded.matchAll(/arn:aws[\w-]*:[\w-]*:[\w-]*:(\d{12}):/g)) if (match[1]) found.add(match[1])
  for (const match of decoded.matchAll(/\/(\d{12})\/[\w.-]+/g)) if (match[1]) found.add(match[1])
  // GetQueueUrl and friends name the owner outright
  for (const match of decoded.matchAll(/(?:Owner|Account)(?:AWS)?(?:Account)?Id"?\s*[:=]\s*"?(\d{12})/gi))
    if (match[1]) found.add(match[1])
  return found
}

export type PinContext = { accountId: string; temporaryKeys: ReadonlySet<string> }

/**
 * On a shared emulator every request must be signed as the learner (or with temporary keys the learner was
 * issued through STS), and may name no other account: the emulator's own account isolation does the rest.
 */
export function pinRefusal(signature: Signature, context: PinContext, pathAndBody: string): Refusal | undefined {
  if (!signature) {
    return {
      status: 403,
      code: 'CloudbookUnsignedRequest',
      message:
        'Cloudbook needs every AWS request to be signed with your credentials (the SDK does this by default). Unsigned requests would land in an account shared by everyone.',
    }
  }
  const { accessKeyId } = signature
  if (accessKeyId !== context.accountId && !context.temporaryKeys.has(accessKeyId)) {
    return {
      status: 403,
      code: 'CloudbookCrossAccountDenied',
      message: `These credentials (${accessKeyId.slice(0, 16)}) are not yours: your code runs as your own account ${context.accountId}. Remove credentials from the client config and let the SDK use its defaults.`,
    }
  }
  for (const account of accountsNamed(pathAndBody)) {
    if (account !== context.accountId) {
      return {
        status: 403,
        code: 'CloudbookCrossAccountDenied',
        message: `This request names account ${account}, which is not yours (${context.accountId}). Cross-account calls are refused in Cloudbook.`,
      }
    }
  }
  return undefined
}

/** Access key ids in an STS (or Cognito identity) answer: temporary credentials now belonging to the learner. */
export function issuedAccessKeys(responseBody: string): string[] {
  const keys = new Set<string>()
  for (const match of responseBody.matchAll(/<AccessKeyId>([^<]{4,128})<\/AccessKeyId>/g))
    if (match[1]) keys.add(match[1])
  for (const match of responseBody.matchAll(/"AccessKeyId"\s*:\s*"([^"]{4,128})"/g)) if (match[1]) keys.add(match[1])
  return [...keys]
}

/** Hosts a sandbox's requests may name: the address the SDK is given. Anything else is virtual-hosted S3 trickery. */
export const SANDBOX_HOSTS = new Set(['127.0.0.1:4566', 'localhost:4566', '[::1]:4566'])

/**
 * The SDK puts an operation's host prefix in front of the endpoint's host ("sync-" for StartSyncExecution, "data-"…):
 * a word and a hyphen, never a dot, so it cannot name an S3 bucket the way a virtual-hosted "bucket.127.0.0.1" would.
 */
export const HOST_PREFIXED = /^[a-z]+-(127\.0\.0\.1|localhost)(:4566)?$/

export function hostRefusal(host: string | undefined): Refusal | undefined {
  if (host === undefined || SANDBOX_HOSTS.has(host.toLowerCase()) || HOST_PREFIXED.test(host.toLowerCase()))
    return undefined
  return {
    status: 403,
    code: 'CloudbookHostRefused',
    message: `Requests go to 127.0.0.1:4566 path-style in Cloudbook; the Host "${host.slice(0, 80)}" is not accepted on a shared emulator. Remove custom Host headers or endpoints from your client.`,
  }
}

/** The bucket an S3 copy reads from (x-amz-copy-source: "bucket/key" or "/bucket/key", URL-encoded). */
export function copySourceBucket(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header
  if (!value) return undefined
  try {
    return decodeURIComponent(value).replace(/^\/+/, '').split('/')[0] || undefined
  } catch {
    return value
  }
}

/** The S3 bucket a path-style request addresses, if any. */
export function bucketOf(rawTarget: string): string | undefined {
  const first = segments(rawTarget)?.[0]
  return first && /^[a-z0-9][a-z0-9.-]{1,62}$/.test(first) ? first : undefined
}

/** An error body in the shape the SDK parses for the request's protocol, so the learner sees code and message. */
export function refusalBody(refusal: Refusal, contentType: string | undefined): { type: string; body: string } {
  if (contentType && /json/.test(contentType)) {
    return {
      type: 'application/x-amz-json-1.1',
      body: JSON.stringify({ __type: refusal.code, message: refusal.message }),
    }
  }
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  return {
    type: 'application/xml',
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Type>Sender</Type><Code>${refusal.code}</Code><Message>${escape(refusal.message)}</Message></Error><Code>${refusal.code}</Code><Message>${escape(refusal.message)}</Message></ErrorResponse>`,
  }
}
