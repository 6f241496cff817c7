import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { createGateway } from '@/lib/environments/create'
import { MinistackSpawner } from '@/lib/environments/ministack-spawner'
import { SharedSpawner } from '@/lib/environments/shared-spawner'
import type { LearnerRef, Spawner } from '@/lib/environments/spawner'
import { ensureVenv } from '@/lib/environments/venv'
import { newAccountId } from '@/lib/emulator/credentials'
import type { AwsCall } from '@/lib/results'
import { Runner, type RunLimits } from '@/lib/runner/run'

export type Backend = 'ministack' | 'localstack'

export const TEST_LIMITS: RunLimits = { timeoutMs: 10_000, memoryMb: 160, outputBytes: 16 * 1024 }

const spawners = new Map<Backend, Spawner>()
const gateway = createGateway()

/**
 * The real environments of each backend: a sandboxed MiniStack per learner, or the LocalStack that
 * tests/setup/global.ts started in its sandbox, shared behind the gateway.
 */
export function environments(backend: Backend = 'ministack'): Spawner {
  let spawner = spawners.get(backend)
  if (spawner) return spawner
  if (backend === 'ministack') {
    spawner = new MinistackSpawner({
      root: process.cwd(),
      venv: ensureVenv(process.cwd(), 'ministack', () => undefined),
      idleMs: 10 * 60_000,
      memoryMb: 512,
      concurrentStarts: 2,
      dataDir: path.join(process.cwd(), '.cloudbook', 'test-environments', String(process.pid)),
    })
  } else {
    const socketPath = process.env.CLOUDBOOK_TEST_LOCALSTACK_SOCKET
    if (!socketPath)
      throw new Error(
        'LocalStack is not running for this test run: it is started unless CLOUDBOOK_TEST_BACKENDS leaves it out',
      )
    spawner = new SharedSpawner('LocalStack (tests)', { kind: 'socket', socketPath }, () => Promise.resolve())
  }
  spawners.set(backend, spawner)
  return spawner
}

/** A new learner: on MiniStack their own environment starts on their first run. */
export function freshLearner(): LearnerRef {
  return { id: randomUUID(), accountId: newAccountId() }
}

/** Another empty account inside the same learner's environment: cheap isolation between many small tests. */
export function freshAccountOf(learner: LearnerRef): LearnerRef {
  return { id: learner.id, accountId: newAccountId() }
}

let runner: Runner | undefined
export function testRunner() {
  runner ??= new Runner(process.cwd(), { limits: TEST_LIMITS, gateway, warm: 1 })
  return runner
}

export async function run(
  source: string,
  learner: LearnerRef = freshLearner(),
  {
    mode = 'run',
    relativeTo,
    backend = 'ministack',
    signal,
    calls,
    timeoutMs,
    kernel,
    files,
  }: {
    mode?: 'run' | 'check'
    relativeTo?: string
    backend?: Backend
    signal?: AbortSignal
    calls?: AwsCall[]
    timeoutMs?: number
    kernel?: string
    files?: Record<string, string>
  } = {},
) {
  const route = await environments(backend).ensure(learner)
  return testRunner().run({
    source,
    filename: mode === 'check' ? 'check.ts' : 'cell.ts',
    mode,
    route: { ...route, learner },
    region: 'us-east-1',
    relativeTo,
    signal,
    calls,
    timeoutMs,
    kernel,
    files,
  })
}

/** Ends every sandbox and environment this test file started. */
export async function closeAll() {
  runner?.close()
  runner = undefined
  await Promise.all([...spawners.values()].map((s) => s.stopAll()))
  spawners.clear()
}
