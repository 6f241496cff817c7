import 'server-only'
import { emulatorConfig, startHint } from './config'

export type EmulatorStatus =
  | { reachable: true; endpoint: string; backend: string; version: string; services: string[] }
  | { reachable: false; endpoint?: string; message: string }

type HealthBody = { services?: Record<string, string>; version?: string; edition?: string }

function isHealthBody(value: unknown): value is HealthBody {
  return typeof value === 'object' && value !== null && 'services' in value
}

/** LocalStack marks responses with x-localstack; MiniStack reports edition "light". */
export function detectBackend(headers: Headers, body: HealthBody) {
  if (headers.get('x-localstack')) return 'LocalStack'
  if (body.edition === 'light') return 'MiniStack'
  return 'LocalStack-compatible emulator'
}

let cache: { at: number; status: EmulatorStatus } | undefined
const TTL_MS = 3000

export async function getEmulatorStatus(): Promise<EmulatorStatus> {
  if (cache && Date.now() - cache.at < TTL_MS) return cache.status
  const status = await probe()
  cache = { at: Date.now(), status }
  return status
}

async function probe(): Promise<EmulatorStatus> {
  const { endpoint } = emulatorConfig
  if (!endpoint) return { reachable: false, message: `No AWS emulator is configured — ${startHint()}.` }
  try {
    const response = await fetch(`${endpoint}/_localstack/health`, {
      signal: AbortSignal.timeout(1500),
      cache: 'no-store',
    })
    const body: unknown = await response.json()
    if (!response.ok || !isHealthBody(body)) throw new Error(`health check answered ${response.status}`)
    const services = Object.entries(body.services ?? {})
      .filter(([, state]) => state === 'available' || state === 'running')
      .map(([name]) => name)
    return {
      reachable: true,
      endpoint,
      backend: detectBackend(response.headers, body),
      version: body.version ?? 'unknown',
      services,
    }
  } catch {
    return { reachable: false, endpoint, message: `The AWS emulator is not reachable at ${endpoint} — ${startHint()}.` }
  }
}
