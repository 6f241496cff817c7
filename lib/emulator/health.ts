import 'server-only'
import { sandboxProblem } from '../environments/sandbox-process'
import { pinnedVersion, BACKENDS } from '../environments/venv'
import { env } from '../env'

export type EmulatorStatus =
  { reachable: true; backend: string; version: string; detail: string } | { reachable: false; message: string }

export const START_HINT =
  'unset AWS_ENDPOINT_URL so Cloudbook runs its own MiniStack per learner, or start your emulator (e.g. `docker compose up localstack`)'

/** LocalStack marks responses with x-localstack; MiniStack reports edition "light". */
export function detectBackend(headers: Headers, body: { edition?: string }) {
  if (headers.get('x-localstack')) return 'LocalStack'
  if (body.edition === 'light') return 'MiniStack'
  return 'LocalStack-compatible emulator'
}

let cache: { at: number; status: EmulatorStatus } | undefined
const TTL_MS = 3000

/**
 * What backs learner environments, for the header badge and for runs against a user's own emulator: "slow" is
 * not "down" — an emulator that answers late is still there.
 */
export async function getEmulatorStatus(): Promise<EmulatorStatus> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.status
  const status = await probe()
  cache = { at: Date.now(), status }
  return status
}

async function probe(): Promise<EmulatorStatus> {
  const problem = sandboxProblem()
  if (problem) return { reachable: false, message: `Code cannot run safely on this server: ${problem}` }
  const endpoint = env.AWS_ENDPOINT_URL?.replace(/\/$/, '')
  if (!endpoint) {
    const backend = env.CLOUDBOOK_EMULATOR
    const version = pinnedVersion(process.cwd(), backend)
    const detail = backend === 'ministack' ? 'an emulator of your own' : 'one emulator shared by the class'
    return { reachable: true, backend: BACKENDS[backend].label, version, detail }
  }
  try {
    const response = await fetch(`${endpoint}/_localstack/health`, {
      signal: AbortSignal.timeout(5000),
      cache: 'no-store',
    })
    const body: unknown = await response.json()
    const edition =
      body && typeof body === 'object' && 'edition' in body && typeof body.edition === 'string'
        ? body.edition
        : undefined
    const version =
      body && typeof body === 'object' && 'version' in body && typeof body.version === 'string'
        ? body.version
        : 'unknown'
    return {
      reachable: true,
      backend: detectBackend(response.headers, { edition }),
      version,
      detail: `shared, at ${endpoint}`,
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') {
      return { reachable: true, backend: 'Emulator', version: '', detail: `slow: ${endpoint} took over 5 s to answer` }
    }
    return { reachable: false, message: `The AWS emulator is not reachable at ${endpoint} — ${START_HINT}.` }
  }
}
