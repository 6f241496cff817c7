import { afterAll, describe, expect, it } from 'vitest'
import { listLabIds, readLab } from '@/lib/labs/lab-files'
import { freshLearner, run, testRunner } from './helpers'

afterAll(() => testRunner().close())

// Every lab proves, on every backend it declares: the starter fails its check, the solution passes, and the
// clean-up leaves the account as the check found it before the learner started.
const cases = listLabIds().flatMap((id) => readLab(id).meta.backends.map((backend) => ({ id, backend })))

describe.each(cases)('lab $id on $backend', ({ id, backend }) => {
  const lab = readLab(id)
  const check = (env: Record<string, string>) => run(lab.check, env, 'check', lab.dir)

  it('fails the check before any code ran, with expected vs actual', async () => {
    const { result } = await check(freshLearner(backend))
    expect(result.status).toBe('fail')
    expect(result.expectations[0]).toMatchObject({ status: 'fail', actual: 'none' })
  })

  it('fails the check after the starter', async () => {
    const env = freshLearner(backend)
    expect((await run(lab.starter, env)).result.status).toBe('pass')
    const { result } = await check(env)
    expect(result.status).toBe('fail')
    const failing = result.expectations.filter((e) => e.status === 'fail')
    expect(failing.length).toBeGreaterThan(0)
    for (const expectation of failing) expect(expectation.expected).toBeTruthy()
  })

  it('passes the check after the solution, and the clean-up resets the account', async () => {
    const env = freshLearner(backend)
    expect((await run(lab.solution, env)).result.status).toBe('pass')
    const { result } = await check(env)
    expect(result.expectations.filter((e) => e.status === 'fail')).toEqual([])
    expect(result.status).toBe('pass')
    expect((await run(lab.cleanup, env, 'run', lab.dir)).result.status).toBe('pass')
    expect((await check(env)).result.expectations[0]).toMatchObject({ status: 'fail', actual: 'none' })
  })
})

it('reports the exact failing setting for the versioning lab', async () => {
  const lab = readLab('s3-versioning')
  const env = freshLearner()
  await run(lab.starter, env)
  const { result } = await run(lab.check, env, 'check', lab.dir)
  expect(result.expectations).toContainEqual(
    expect.objectContaining({ name: 'Bucket versioning', status: 'fail', expected: 'Enabled' }),
  )
  expect(result.expectations).toContainEqual(
    expect.objectContaining({ name: 'Versions of notes.txt', status: 'fail', actual: '0' }),
  )
})
