import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { EnvironmentRoute } from './spawner'
import { unixRequest } from './unix-http'

/**
 * Emulators load the code for a service on its first request (MiniStack imports a Python module per service,
 * LocalStack starts a provider): 10 ms of CPU for S3 on MiniStack, seconds for some LocalStack providers. A page
 * with cells says which SDK clients its cells use when it opens; one harmless request per service, with the
 * learner's own account, moves that cost from the learner's first Run to the page opening.
 */

/** `@aws-sdk/client-*` package names, as cells import them. */
const CLIENT_PACKAGE = /^@aws-sdk\/client-[a-z0-9-]{1,60}$/

const signingNames = new Map<string, string | undefined>()

/** The SigV4 signing name a client package sends in its credential scope ("s3", "states", "monitoring"…). */
export function signingNameOf(root: string, pkg: string): string | undefined {
  if (!CLIENT_PACKAGE.test(pkg)) return undefined
  if (signingNames.has(pkg)) return signingNames.get(pkg)
  let name: string | undefined
  try {
    // the SDK itself is the source of truth: every generated client declares its default signing name
    const code = readFileSync(path.join(root, 'node_modules', pkg, 'dist-cjs', 'index.js'), 'utf8')
    name = /defaultSigningName:\s*"([a-z0-9-]+)"/.exec(code)?.[1]
  } catch {
    name = undefined
  }
  signingNames.set(pkg, name)
  return name
}

/** One no-op request routed to `service`; its HTTP status, or 0 when the emulator did not answer. */
function warmRequest(socketPath: string, accountId: string, service: string, timeoutMs: number): Promise<number> {
  return unixRequest(socketPath, 'POST', '/', timeoutMs, {
    // emulators route by the credential scope; the unknown target makes it a no-op that changes nothing
    authorization: `AWS4-HMAC-SHA256 Credential=${accountId}/20260101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
    'content-type': 'application/x-amz-json-1.0',
    'x-amz-target': 'Cloudbook.Warm',
  }).then(
    ({ status }) => status,
    // a failed warm-up costs only speed: the learner's first Run pays for the service as before
    () => 0,
  )
}

/**
 * Sends the warm-up requests, one service after another (the emulator is single-threaded for imports anyway), and
 * returns each service's HTTP status (0 when it did not answer).
 * Only emulators Cloudbook runs are warmed: a user's own endpoint (a URL upstream) gets nothing it did not ask for.
 */
export async function warmServices(
  route: EnvironmentRoute,
  services: string[],
  timeoutMs = 5000,
): Promise<{ service: string; status: number }[]> {
  const { upstream } = route
  if (upstream.kind !== 'socket') return []
  const answers = []
  for (const service of new Set(services))
    answers.push({
      service,
      status: await warmRequest(upstream.socketPath, route.learner.accountId, service, timeoutMs),
    })
  return answers
}
