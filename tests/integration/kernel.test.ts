import { afterAll, describe, expect, it } from 'vitest'
import { closeAll, freshLearner, run, testRunner } from './helpers'

afterAll(closeAll)

// A notebook kernel: a learner's cells of one lesson run one after another in one sandboxed process and share state.
describe('notebook kernel', () => {
  const learner = freshLearner()
  const kernel = 'lesson:kernel-test'
  const cell = (source: string, options: { timeoutMs?: number } = {}) => run(source, learner, { kernel, ...options })

  it('shares a client and a bucket name created in cell 1 with cell 2, counting [1], [2]', async () => {
    const first = await cell(`import { S3Client, CreateBucketCommand } from '@aws-sdk/client-s3'
const s3 = new S3Client({})
const bucket = 'kernel-' + Date.now()
await s3.send(new CreateBucketCommand({ Bucket: bucket }))
console.log('created')`)
    expect(first.result, first.stderr).toEqual({ status: 'pass', expectations: [] })
    expect(first.kernel).toEqual({ count: 1, fresh: true })
    const second = await cell(`import { ListBucketsCommand } from '@aws-sdk/client-s3'
const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))
console.log('found', Buckets.some((b) => b.Name === bucket))`)
    expect(second.result).toMatchObject({ status: 'pass' })
    expect(second.stdout).toBe('found true\n')
    expect(second.kernel).toEqual({ count: 2, fresh: false })
  })

  it('waits for work a cell started but did not await, as a pasted main() guard does', async () => {
    const outcome = await cell(`import { ListBucketsCommand } from '@aws-sdk/client-s3'
async function main() {
  await new Promise((resolve) => setTimeout(resolve, 200))
  const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))
  console.log('main done', Buckets.length > 0)
}
main()`)
    expect(outcome.result).toMatchObject({ status: 'pass' })
    expect(outcome.stdout).toBe('main done true\n')
  })

  it('keeps the kernel after a cell throws, with what the cell assigned before the error', async () => {
    const failed = await cell(`const partial = 'kept'\nthrow new Error('on purpose')`)
    expect(failed.result.message).toBe('Error: on purpose (cell.ts line 2)')
    expect(failed.result.line).toBe(2)
    const after = await cell(`console.log(partial, typeof s3.send)`)
    expect(after.stdout).toBe('kept function\n')
    expect(after.kernel?.fresh).toBe(false)
  })

  it('restarts empty, and says why the old kernel is gone', async () => {
    testRunner().kernels.restart(learner.id, kernel)
    const outcome = await cell(`console.log(typeof s3)`)
    expect(outcome.stdout).toBe('undefined\n')
    expect(outcome.kernel).toEqual({ count: 1, fresh: true, previous: 'restarted' })
  })

  it('interrupts a running cell; the next cell starts a new kernel', async () => {
    await cell(`const before = 1`)
    const running = cell(`await new Promise((resolve) => setTimeout(resolve, 8000))`)
    await expect.poll(() => testRunner().kernels.status(learner.id, kernel).busy).toBe(true)
    expect(testRunner().kernels.interrupt(learner.id, kernel)).toBe(true)
    const interrupted = await running
    expect(interrupted.result.message).toMatch(/^Interrupted\. The kernel stopped with the cell/)
    const next = await cell(`console.log(typeof before)`)
    expect(next.stdout).toBe('undefined\n')
    expect(next.kernel).toEqual({ count: 1, fresh: true, previous: 'interrupted' })
  })

  it('a cell over its time limit takes the kernel with it and says so', async () => {
    const outcome = await cell(`while (true) {}`, { timeoutMs: 600 })
    expect(outcome.limit).toBe('time')
    expect(outcome.result.message).toMatch(/names from earlier cells are gone/)
    expect(testRunner().kernels.status(learner.id, kernel).alive).toBe(false)
  })

  it('keeps kernels of different lessons and learners apart', async () => {
    await run(`const secret = 'a'`, learner, { kernel: 'lesson:one' })
    const other = await run(`console.log(typeof secret)`, learner, { kernel: 'lesson:two' })
    expect(other.stdout).toBe('undefined\n')
    const stranger = await run(`console.log(typeof secret)`, freshLearner(), { kernel: 'lesson:one' })
    expect(stranger.stdout).toBe('undefined\n')
  })
})
