// Resource exhaustion: memory (RSS, not only the V8 heap), disk, transpile time, output and CPU are capped by the
// kernel or the runner, and each stop tells the learner which limit and what to do.
import { afterAll, describe, expect, it } from 'vitest'
import { builtinRefused, closeAll, freshLearner, run, TEST_LIMITS } from './support'

afterAll(closeAll)

const learner = freshLearner()
const MEMORY =
  /^Stopped: the memory limit of 160 MB was reached\. Avoid building very large arrays, buffers or strings in a cell\.$/
const OUTPUT = /^Stopped: the output limit of 16 KB was reached\. Print less, e\.g\. only the fields you need\.$/
const TIME = /^Stopped: your code ran for 10 s, the time limit\./

describe('memory', () => {
  it('Buffer.alloc beyond the cap (outside the V8 heap) is stopped by the cgroup with the memory message', async () => {
    const { result, limit } = await run(
      'const held = []\nwhile (true) held.push(Buffer.alloc(32 * 1024 * 1024, 1))',
      learner,
    )
    expect(limit).toBe('memory')
    expect(result.message).toMatch(MEMORY)
  })

  it('a string that doubles forever ends at the engine cap with a message', async () => {
    const { result } = await run("let s = 'x'\nwhile (true) s += s", learner)
    expect(result.message).toMatch(
      /^(RangeError: Invalid string length \(cell\.ts line 2\)|Stopped: the memory limit of 160 MB was reached\..*)$/,
    )
  })
})

describe('disk', () => {
  it('writing 1 GiB to the run folder stops at its size cap with "no space left"', async () => {
    const { result } = await run(
      "import { appendFileSync } from 'node:fs'\nconst mb = Buffer.alloc(1024 * 1024)\nfor (let i = 0; i < 1024; i++) appendFileSync('big', mb)",
      learner,
    )
    expect(result.message).toMatch(/ENOSPC|no space left/i)
  })
})

describe('transpile', () => {
  it('deeply nested blocks (200 KB) end quickly with a message instead of stalling', async () => {
    const n = 20_000
    const started = performance.now()
    const { result } = await run(`${'{let a=1;'.repeat(n)}${'}'.repeat(n)}`, learner)
    expect(performance.now() - started).toBeLessThan(TEST_LIMITS.timeoutMs)
    expect(result.message).toMatch(/^cell\.ts Error transforming cell\.ts: Maximum call stack size exceeded$/)
  })

  it('moderately nested blocks (20 KB) run or stop within the time limit', async () => {
    const n = 2_000
    const started = performance.now()
    const { result, stdout } = await run(`${'{let a=1;'.repeat(n)}console.log('deep')${'}'.repeat(n)}`, learner)
    expect(performance.now() - started).toBeLessThan(TEST_LIMITS.timeoutMs + 5_000)
    if (result.status === 'pass') expect(stdout).toBe('deep\n')
    else expect(result.message).toMatch(/Maximum call stack size exceeded|time limit/)
  })
})

describe('output', () => {
  it('console.log in a loop stops at the output limit', async () => {
    const { result, limit, stdout } = await run("for (let i = 0; i < 1e6; i++) console.log('flood')", learner)
    expect(limit).toBe('output')
    expect(result.message).toMatch(OUTPUT)
    expect(stdout.length).toBeLessThanOrEqual(16 * 1024)
  })

  it('process._rawDebug, which bypasses the stream wrapper, is still capped where output arrives', async () => {
    const { result, stderr } = await run("for (let i = 0; i < 1e6; i++) process._rawDebug('flood on fd 2')", learner)
    expect(result.message).toMatch(OUTPUT)
    expect(stderr.length).toBeLessThanOrEqual(16 * 1024)
  })

  it('one 8 MB write is refused as a whole', async () => {
    const { result, stdout } = await run("process.stdout.write('x'.repeat(8 * 1024 * 1024))", learner)
    expect(result.message).toMatch(OUTPUT)
    expect(stdout.length).toBeLessThanOrEqual(16 * 1024)
  })
})

describe('CPU and processes', () => {
  it('an endless chain of microtasks is stopped at the time limit', async () => {
    const { result, limit } = await run('for (;;) await null', learner)
    expect(limit).toBe('time')
    expect(result.message).toMatch(TIME)
  }, 20_000)

  it('a fork bomb cannot start: no route to spawn a process or a thread is reachable', async () => {
    const { stdout } = await run(
      'console.log(JSON.stringify([typeof process.getBuiltinModule, typeof process.binding, typeof process.dlopen, typeof globalThis.require, typeof globalThis.Worker]))',
      learner,
    )
    expect(JSON.parse(stdout)).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'undefined'])
    const { result } = await run(
      "import { fork } from 'node:child_process'\nwhile (true) fork('/opt/cloudbook/sandbox-child.mjs')",
      learner,
    )
    expect(result.message).toMatch(builtinRefused('node:child_process'))
  })
})
