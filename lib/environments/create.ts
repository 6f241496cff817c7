import { Gateway } from './gateway'
import { MinistackSpawner } from './ministack-spawner'
import { bucketExists, bucketsOwned } from './s3-ownership'
import { SharedSpawner, startSharedLocalStack } from './shared-spawner'
import type { Spawner } from './spawner'
import { ensureVenv, type Backend } from './venv'

export type EnvironmentSettings = {
  root: string
  backend: Backend
  /** A user's own emulator: shared by every learner behind the gateway. */
  endpointUrl?: string
  idleMs: number
  memoryMb: number
  concurrentStarts: number
  log?: (line: string) => void
}

export function createGateway(): Gateway {
  return new Gateway({
    uploadBudgetBytes: 512 * 1024 * 1024,
    maxRequestBytes: 64 * 1024 * 1024,
    bucketExists,
    bucketsOwned,
  })
}

function notSupported(): Promise<void> {
  return Promise.reject(
    new Error('A shared emulator cannot be emptied for one learner; the lab clean-up removes what the lab created.'),
  )
}

/** Picks the spawner: a MiniStack per learner by default, else one shared emulator behind the gateway. */
export async function createSpawner(settings: EnvironmentSettings): Promise<Spawner> {
  const log = settings.log ?? (() => undefined)
  if (settings.endpointUrl) {
    return new SharedSpawner(
      `your emulator at ${settings.endpointUrl}, shared`,
      { kind: 'url', url: settings.endpointUrl },
      notSupported,
    )
  }
  const venv = ensureVenv(settings.root, settings.backend, log)
  if (settings.backend === 'localstack') {
    log(`starting LocalStack ${venv.version} in its sandbox (shared by all learners)…`)
    const localstack = await startSharedLocalStack(settings.root, venv, Math.max(settings.memoryMb, 1536))
    log('LocalStack is ready')
    return new SharedSpawner(`LocalStack ${venv.version}, shared`, localstack.upstream, notSupported, localstack.stop)
  }
  return new MinistackSpawner({
    root: settings.root,
    venv,
    idleMs: settings.idleMs,
    memoryMb: settings.memoryMb,
    concurrentStarts: settings.concurrentStarts,
  })
}
