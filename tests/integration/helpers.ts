import { newAccountId, learnerEnvironment } from '@/lib/emulator/credentials'
import { Runner } from '@/lib/runner/run'

export type Backend = 'ministack' | 'localstack'

/** The endpoint of a backend started by tests/setup/global.ts; a declared backend that is missing fails loudly. */
export function endpointOf(backend: Backend): string {
  const url =
    backend === 'ministack' ? process.env.CLOUDBOOK_TEST_MINISTACK_URL : process.env.CLOUDBOOK_TEST_LOCALSTACK_URL
  if (!url)
    throw new Error(
      `${backend} is not running for this test run: it is started unless CLOUDBOOK_TEST_BACKENDS leaves it out`,
    )
  return url
}

/** A fresh learner account on a backend: every test starts from an empty account. */
export function freshLearner(backend: Backend = 'ministack') {
  return learnerEnvironment({ accountId: newAccountId(), endpoint: endpointOf(backend), region: 'us-east-1' })
}

let runner: Runner | undefined
export function testRunner() {
  runner ??= new Runner(process.cwd(), {
    limits: { timeoutMs: 10_000, memoryMb: 160, outputBytes: 16 * 1024 },
    warmEndpoint: process.env.CLOUDBOOK_TEST_MINISTACK_URL,
  })
  return runner
}

export function run(source: string, env = freshLearner(), mode: 'run' | 'check' = 'run', relativeTo?: string) {
  return testRunner().run({ source, filename: mode === 'check' ? 'check.ts' : 'cell.ts', mode, env, relativeTo })
}
