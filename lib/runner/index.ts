import 'server-only'
import { emulatorConfig } from '../emulator/config'
import { env } from '../env'
import { Runner } from './run'

declare global {
  var cloudbookRunner: Runner | undefined
}

// One runner (and so one sandbox pool) per server process; dev-mode module reloads reuse it.
export function getRunner(): Runner {
  globalThis.cloudbookRunner ??= new Runner(process.cwd(), {
    limits: {
      timeoutMs: env.RUNNER_TIMEOUT_MS,
      memoryMb: env.RUNNER_MEMORY_MB,
      outputBytes: env.RUNNER_OUTPUT_KB * 1024,
    },
    maxConcurrent: env.RUNNER_MAX_CONCURRENT,
    warmEndpoint: emulatorConfig.endpoint,
  })
  return globalThis.cloudbookRunner
}
