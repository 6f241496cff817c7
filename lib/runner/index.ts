import 'server-only'
import { env } from '../env'
import { Runner } from './run'

// One runner (and so one sandbox pool) per server process; dev-mode module reloads reuse it.
const globalForRunner = globalThis as { cloudbookRunner?: Runner }

export function getRunner(): Runner {
  globalForRunner.cloudbookRunner ??= new Runner(
    process.cwd(),
    { timeoutMs: env.RUNNER_TIMEOUT_MS, memoryMb: env.RUNNER_MEMORY_MB, outputBytes: env.RUNNER_OUTPUT_KB * 1024 },
    env.RUNNER_MAX_CONCURRENT,
  )
  return globalForRunner.cloudbookRunner
}
