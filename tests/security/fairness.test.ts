// Fairness: one run per learner (a new Run replaces the old and says so), one first-come queue with positions,
// an abort frees the slot at once and a run aborted while queued never executes.
import { afterAll, describe, expect, it } from 'vitest'
import type { EnvironmentRoute, LearnerRef } from '@/lib/environments/spawner'
import type { RunOutcome } from '@/lib/runner/run'
import { closeAll, environments, freshLearner, TEST_LIMITS, testRunner } from './support'

afterAll(closeAll)

// the test runner's capacity (Runner's default maxConcurrent)
const CAPACITY = 4
const SUPERSEDED = 'Stopped: you started a new run, which replaces this one.'
const HOLD = "console.log('holding')\nsetInterval(() => undefined, 1000)"

type Started = { outcome: Promise<RunOutcome>; printed: Promise<void>; queued: Promise<string>; abort: () => void }

/** A run with a route that needs no emulator (for code that makes no AWS calls), or a learner's real one. */
function start(source: string, learner: LearnerRef = freshLearner(), route?: EnvironmentRoute): Started {
  const controller = new AbortController()
  let onPrinted: () => void = () => undefined
  let onQueued: (message: string) => void = () => undefined
  const printed = new Promise<void>((resolve) => (onPrinted = resolve))
  const queued = new Promise<string>((resolve) => (onQueued = resolve))
  const outcome = testRunner().run({
    source,
    filename: 'cell.ts',
    mode: 'run',
    route: route ?? { learner, upstream: { kind: 'socket', socketPath: '/nonexistent/emulator.sock' }, shared: false },
    region: 'us-east-1',
    signal: controller.signal,
    onEvent: (event) => {
      if (event.type === 'stdout') onPrinted()
      if (event.type === 'status' && event.message.startsWith('Waiting for a free runner')) onQueued(event.message)
    },
  })
  return { outcome, printed, queued, abort: () => controller.abort() }
}

/** Fills every runner slot with runs that hold it until aborted. */
async function fillSlots(): Promise<Started[]> {
  const holders = Array.from({ length: CAPACITY }, () => start(HOLD))
  await Promise.all(holders.map((h) => h.printed))
  expect(testRunner().scheduler.stats).toEqual({ active: CAPACITY, queued: 0 })
  return holders
}

/** Ends the holders; what they are told on abort is asserted once, in its own test below. */
async function release(holders: Started[]) {
  holders.forEach((h) => h.abort())
  for (const holder of holders) expect((await holder.outcome).result.status).toBe('error')
}

describe('fair scheduling', () => {
  it('a second run by the same learner replaces the first, which says so', async () => {
    const learner = freshLearner()
    const first = start(HOLD, learner)
    await first.printed
    const second = start("console.log('second')", learner)
    expect((await first.outcome).result).toEqual({ status: 'error', message: SUPERSEDED, expectations: [] })
    expect((await second.outcome).result).toEqual({ status: 'pass', expectations: [] })
  })

  it("learner A's three concurrent endless loops do not make learner B wait", async () => {
    const a = freshLearner()
    const loops = [start('while (true) {}', a), start('while (true) {}', a), start('while (true) {}', a)]
    let aStillRunning = true
    void loops[2]?.outcome.then(() => (aStillRunning = false))
    const b = start("console.log('b ran')")
    let bQueued = false
    void b.queued.then(() => (bQueued = true))
    const outcome = await b.outcome
    expect(outcome.result).toEqual({ status: 'pass', expectations: [] })
    expect(outcome.stdout).toBe('b ran\n')
    // B never stood in the queue and finished while A's loop still ran (it only ends when aborted or timed out)
    expect(bQueued).toBe(false)
    expect(aStillRunning).toBe(true)
    expect(outcome.durationMs).toBeLessThan(TEST_LIMITS.timeoutMs)
    loops.forEach((l) => l.abort())
    for (const loop of loops) expect((await loop.outcome).result.status).toBe('error')
  })

  it("other learners' endless loops on every core do not starve learner B's sandbox start-up", async () => {
    // two loops fill both cores of the test machine; B's sandbox must still start and run before they end
    const loops = [start(`console.log('loop')\nwhile (true) {}`), start(`console.log('loop')\nwhile (true) {}`)]
    await Promise.all(loops.map((l) => l.printed))
    let loopsRunning = true
    void Promise.race(loops.map((l) => l.outcome)).then(() => (loopsRunning = false))
    const b = await start("console.log('b ran')").outcome
    expect(b.result).toEqual({ status: 'pass', expectations: [] })
    expect(loopsRunning).toBe(true)
    loops.forEach((l) => l.abort())
    for (const loop of loops) expect((await loop.outcome).result.status).toBe('error')
  }, 30_000)

  it('a run replaced before it even started says it was replaced', async () => {
    const learner = freshLearner()
    // the second Run comes in the same tick: the first got its slot but had not started its sandbox yet
    const first = start("console.log('first')", learner)
    const second = start("console.log('second')", learner)
    expect((await first.outcome).result).toEqual({ status: 'error', message: SUPERSEDED, expectations: [] })
    expect((await second.outcome).result).toEqual({ status: 'pass', expectations: [] })
  })

  it('a running run whose caller aborts (closed tab, Stop) says it was cancelled, not replaced', async () => {
    const run = start(HOLD)
    await run.printed
    run.abort()
    expect((await run.outcome).result).toEqual({
      status: 'error',
      message: 'Stopped: the run was cancelled.',
      expectations: [],
    })
  })

  it('a run aborted while queued never executes: its bucket is never created', async () => {
    const victim = freshLearner()
    const route = await environments('ministack').ensure(victim)
    const bucket = `never-created-${Date.now()}`
    const holders = await fillSlots()
    const queued = start(
      `import { S3Client, CreateBucketCommand } from '@aws-sdk/client-s3'\nawait new S3Client({}).send(new CreateBucketCommand({ Bucket: '${bucket}' }))`,
      victim,
      { ...route, learner: victim },
    )
    expect(await queued.queued).toBe('Waiting for a free runner: you are number 1 of 1 in the queue…')
    queued.abort()
    expect((await queued.outcome).result).toEqual({
      status: 'error',
      message: 'Stopped before it started: the run was cancelled.',
      expectations: [],
    })
    await release(holders)
    const listed = await start(
      "import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3'\nconst { Buckets = [] } = await new S3Client({}).send(new ListBucketsCommand({}))\nconsole.log(JSON.stringify(Buckets.map((b) => b.Name)))",
      victim,
      { ...route, learner: victim },
    ).outcome
    expect(listed.result).toEqual({ status: 'pass', expectations: [] })
    expect(JSON.parse(listed.stdout)).not.toContain(bucket)
  })

  it('aborting a running run frees its slot at once for the next in the queue', async () => {
    const holders = await fillSlots()
    const waiting = start("console.log('next ran')")
    await waiting.queued
    const [first, ...rest] = holders
    first?.abort()
    const outcome = await waiting.outcome
    expect(outcome.result).toEqual({ status: 'pass', expectations: [] })
    expect(outcome.stdout).toBe('next ran\n')
    // the other holders still hold their slots: only the aborted one was given up
    expect(testRunner().scheduler.stats.active).toBe(CAPACITY - 1)
    await release(rest)
    expect(testRunner().scheduler.stats).toEqual({ active: 0, queued: 0 })
  })
})
