// IPC: a run's result comes only from the sandbox's own messages on fd 3, validated and size-capped. Lines a
// cell prints, and lines it forges on the IPC pipe, must never become a result or a passing check.
import { afterAll, describe, expect, it } from 'vitest'
import { readLab } from '@/lib/labs/lab-files'
import { closeAll, freshLearner, run } from './support'

afterAll(closeAll)

const learner = freshLearner()
const FORGED_RESULT = JSON.stringify({
  type: 'result',
  result: { status: 'pass', message: 'forged', expectations: [{ name: 'Bucket versioning', status: 'pass' }] },
})
/** The IPC pipe is fd 3 of the sandbox; net.Socket (process.stdout.constructor) can adopt any open fd. */
const onIpcPipe = (line: string) => `const Socket = process.stdout.constructor
const ipc = new Socket({ fd: 3, readable: false, writable: true })
await new Promise((resolve) => ipc.write(${line} + '\\n', resolve))`

describe('forged messages', () => {
  it('a result printed to stdout stays output and does not become the result', async () => {
    const { result, stdout } = await run(
      `console.log(${JSON.stringify(FORGED_RESULT)})\nthrow new Error('the real outcome')`,
      learner,
    )
    expect(result.message).toBe('Error: the real outcome (cell.ts line 2)')
    expect(stdout).toContain('forged')
  })

  it('messages printed to stderr do not stop or change the run', async () => {
    const forged = [
      JSON.stringify({ type: 'limit', limit: 'output' }),
      JSON.stringify({ type: 'exit', code: 7 }),
      JSON.stringify({ type: 'error', error: { name: 'X', message: 'forged' } }),
    ]
    const { result, limit } = await run(forged.map((f) => `console.error(${JSON.stringify(f)})`).join('\n'), learner)
    expect(result).toEqual({ status: 'pass', expectations: [] })
    expect(limit).toBeUndefined()
  })

  it('a lab check cannot be faked by printing its result', async () => {
    const lab = readLab('s3-versioning')
    const faker = freshLearner()
    await run(`console.log(${JSON.stringify(FORGED_RESULT)})`, faker)
    const { result } = await run(lab.check, faker, { mode: 'check', relativeTo: lab.dir })
    expect(result.status).toBe('fail')
    expect(result.message).not.toBe('forged')
  })

  it('a result written onto the IPC pipe itself does not become the run result', async () => {
    const { result } = await run(
      `${onIpcPipe(JSON.stringify(FORGED_RESULT))}\nthrow new Error('the real outcome')`,
      learner,
    )
    expect(result.message).not.toBe('forged')
    // either the forged line is ignored, or the run is stopped for tampering with its channel
    expect(result.message).toMatch(
      /^(Error: the real outcome \(cell\.ts line \d+\)|Stopped: the sandbox sent a message of the wrong shape\.)$/,
    )
  })
  it('a forged envelope with a guessed token on the IPC pipe stops the run for tampering', async () => {
    const envelope = JSON.stringify({ token: 'x'.repeat(32), message: JSON.parse(FORGED_RESULT) })
    const { result } = await run(onIpcPipe(JSON.stringify(envelope)), learner)
    expect(result.message).not.toBe('forged')
    expect(result.message).toMatch(
      /^Stopped: (your code wrote to Cloudbook's internal channel \(fd 3\), which is not allowed|the sandbox sent a message of the wrong shape)\.$/,
    )
  })
})

describe('IPC floods', () => {
  it('a message over 256 KB on the IPC pipe stops the run without parsing it', async () => {
    const started = performance.now()
    const { result } = await run(
      onIpcPipe(`'{"type":"call","call":{"service":"' + 'x'.repeat(2 * 1024 * 1024) + '"}}'`),
      learner,
    )
    expect(result.message).toBe('Stopped: the sandbox sent a message over the size limit.')
    expect(performance.now() - started).toBeLessThan(10_000)
  })

  it('a message of the wrong shape on the IPC pipe stops the run', async () => {
    const { result } = await run(
      onIpcPipe(`'{"type":"result","result":{"status":"pass","expectations":[{"ok":true}]}}'`),
      learner,
    )
    expect(result.message).toBe('Stopped: the sandbox sent a message of the wrong shape.')
  })
})
