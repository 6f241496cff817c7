import 'server-only'
import { env } from '../env'
import { Runner } from '../runner/run'
import { createGateway, createSpawner } from './create'
import type { Spawner } from './spawner'

export type Environments = { spawner: Spawner; runner: Runner; region: string }

declare global {
  var cloudbookEnvironments: Promise<Environments> | undefined
}

/**
 * The server's learner environments and runner, created once per process (dev-mode module reloads reuse them).
 * The first call may install the pinned emulator (first start only) and, for LocalStack, start it.
 */
export function getEnvironments(): Promise<Environments> {
  globalThis.cloudbookEnvironments ??= (async () => {
    const gateway = createGateway()
    const spawner = await createSpawner({
      root: process.cwd(),
      backend: env.CLOUDBOOK_EMULATOR,
      endpointUrl: env.AWS_ENDPOINT_URL,
      idleMs: env.CLOUDBOOK_ENV_IDLE_MINUTES * 60_000,
      memoryMb: env.CLOUDBOOK_ENV_MEMORY_MB,
      concurrentStarts: env.CLOUDBOOK_ENV_CONCURRENT_STARTS,
      log: (line) => console.log(`[cloudbook] ${line}`),
    })
    const runner = new Runner(process.cwd(), {
      limits: {
        timeoutMs: env.RUNNER_TIMEOUT_MS,
        memoryMb: env.RUNNER_MEMORY_MB,
        outputBytes: env.RUNNER_OUTPUT_KB * 1024,
      },
      maxConcurrent: env.RUNNER_MAX_CONCURRENT,
      warm: env.RUNNER_WARM,
      gateway,
    })
    const stopAll = () => {
      runner.close()
      void spawner.stopAll().finally(() => process.exit(0))
    }
    process.once('SIGTERM', stopAll)
    process.once('SIGINT', stopAll)
    return { spawner, runner, region: env.AWS_REGION }
  })()
  globalThis.cloudbookEnvironments.catch(() => {
    globalThis.cloudbookEnvironments = undefined
  })
  return globalThis.cloudbookEnvironments
}
