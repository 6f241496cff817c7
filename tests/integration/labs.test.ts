import { afterAll, describe, expect, it } from 'vitest'
import { recordConformance, type ConformanceEntry } from '@/lib/labs/conformance'
import { listLabIds, readLab } from '@/lib/labs/lab-files'
import type { LearnerRef } from '@/lib/environments/spawner'
import { pinnedVersion } from '@/lib/environments/venv'
import type { AwsCall } from '@/lib/results'
import { closeAll, freshLearner, run, type Backend } from './helpers'

afterAll(closeAll)

// Every lab proves, on every backend it declares: the starter fails its check, the solution passes, and the
// clean-up leaves the account as the check found it before the learner started. Each proof's outcome goes into the
// conformance report the app's /labs/conformance page shows (lib/labs/conformance.ts).
const cases = listLabIds().flatMap((id) => readLab(id).meta.backends.map((backend) => ({ id, backend })))

type Proof = 'starterFails' | 'solutionPasses' | 'cleanupResets'

async function proving(lab: string, backend: Backend, proofs: Proof[], work: () => Promise<number | void>) {
  let outcome: 'pass' | 'fail' = 'fail'
  let checkMs: number | void = undefined
  try {
    checkMs = await work()
    outcome = 'pass'
  } finally {
    const entry: ConformanceEntry = { lab, backend, at: new Date().toISOString(), ...(checkMs ? { checkMs } : {}) }
    for (const proof of proofs) entry[proof] = outcome
    recordConformance([entry], { [backend]: pinnedVersion(process.cwd(), backend) })
  }
}

describe.each(cases)('lab $id on $backend', ({ id, backend }) => {
  const lab = readLab(id)
  // LocalStack loads each service on its first request (seconds on a busy machine): the proofs are about results,
  // so the shared LocalStack gets room for that; MiniStack runs keep the learner's limit
  const timeoutMs = backend === 'localstack' ? 30_000 : undefined
  const check = (learner: LearnerRef, calls: AwsCall[] = []) =>
    run(lab.check, learner, { mode: 'check', relativeTo: lab.dir, backend, calls, timeoutMs })

  it('fails the check before any code ran, with expected vs actual', { timeout: 60_000 }, async () => {
    const { result } = await check(freshLearner())
    expect(result.status).toBe('fail')
    expect(result.expectations[0]).toMatchObject({ status: 'fail', actual: 'none' })
  })

  it('fails the check after the starter', { timeout: 90_000 }, () =>
    proving(id, backend, ['starterFails'], async () => {
      const env = freshLearner()
      const starter = await run(lab.starter, env, { backend, timeoutMs })
      expect(starter.result).toMatchObject({ status: 'pass' })
      const { result } = await check(env, starter.calls)
      expect(result.status).toBe('fail')
      const failing = result.expectations.filter((e) => e.status === 'fail')
      expect(failing.length).toBeGreaterThan(0)
      for (const expectation of failing) expect(expectation.expected).toBeTruthy()
    }))

  it('passes the check after the solution, and the clean-up resets the account', { timeout: 120_000 }, () =>
    proving(id, backend, ['solutionPasses', 'cleanupResets'], async () => {
      const env = freshLearner()
      const solution = await run(lab.solution, env, { backend, timeoutMs })
      expect(solution.result).toMatchObject({ status: 'pass' })
      const { result, durationMs } = await check(env, solution.calls)
      expect(result.expectations.filter((e) => e.status === 'fail')).toEqual([])
      expect(result.status).toBe('pass')
      // every expectation after the first names the lab step it belongs to
      const steps = lab.steps.map((s) => s.number)
      for (const e of result.expectations) expect(steps).toContain(e.step)
      expect((await run(lab.cleanup, env, { relativeTo: lab.dir, backend, timeoutMs })).result.status).toBe('pass')
      expect((await check(env)).result.expectations[0]).toMatchObject({ status: 'fail', actual: 'none' })
      return Math.round(durationMs)
    }))
})

it('reports the exact failing setting for the versioning lab, and the order of calls from the last run', async () => {
  const lab = readLab('s3-versioning')
  const env = freshLearner()
  const starter = await run(lab.starter, env)
  const { result } = await run(lab.check, env, { mode: 'check', relativeTo: lab.dir, calls: starter.calls })
  expect(result.expectations).toContainEqual(
    expect.objectContaining({ name: 'Bucket versioning', status: 'fail', expected: 'Enabled', step: 2 }),
  )
  expect(result.expectations).toContainEqual(
    expect.objectContaining({ name: 'Versions of notes.txt', status: 'fail', actual: '0' }),
  )
  expect(result.expectations).toContainEqual(
    expect.objectContaining({
      name: 'PutBucketVersioning before PutObject in your last run',
      status: 'fail',
      actual: 'PutObject without PutBucketVersioning',
    }),
  )
})
