// Learner environments benchmark: what a class costs on this machine, every scenario with its own new learners,
// side by side in one run.
//
//   npx tsx bench/environments.ts [--learners=60] [--n=30] [--concurrent=6]      (npm run bench:environments)
//   (--concurrent: runs executing at once, as RUNNER_MAX_CONCURRENT sets it for the server)
//
//   single  one learner whose page is open (environment running, sandbox reserved): N runs of the S3 lab solution,
//           each after the reserved sandbox is ready again (a learner reads the output before the next Run);
//           against the same S3 calls made in this process straight to the learner's emulator socket
//   cold    L learners who never ran anything press Run at the same moment (environment + sandbox start on Run)
//   warm    L learners whose page with cells is open (environment started, sandbox reserved) press Run at once:
//           the S3 lab's solution (five calls, one-shot), and the S3 lesson's first cell (four calls) in its kernel,
//           as the lesson page runs it
//   cost    memory of L live environments and their reserved sandboxes; CPU of one sandbox and one emulator start
//
// Figures only: targets are reported as MET / NOT MET; the exit code is 1 only if runs fail outright.
import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import {
  CreateBucketCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { createGateway } from '../lib/environments/create'
import { MinistackSpawner } from '../lib/environments/ministack-spawner'
import type { LearnerRef } from '../lib/environments/spawner'
import { ensureVenv } from '../lib/environments/venv'
import { signingNameOf, warmServices } from '../lib/environments/warm-services'
import { newAccountId } from '../lib/emulator/credentials'
import { Runner } from '../lib/runner/run'
import { cellFiles } from '../lib/content/cell-files'
import { extractCells, readLessonDir } from '../lib/content/lesson-files'
import { SUMMARY_HEADER, machineLine, ms, summarize, summaryRow, table, verdict } from './stats'

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')))
const LEARNERS = Number(args.learners ?? 60)
const N = Number(args.n ?? 30)
const root = process.cwd()
const source = readFileSync(path.join(root, 'labs', 's3-versioning', 'solution.ts'), 'utf8')
const s3Lesson = path.join(root, 'lessons', 'storage', 's3')
const s3Cell = extractCells(readLessonDir(s3Lesson).body)[0]?.code ?? ''
const s3Files = cellFiles(s3Lesson)

const spawner = new MinistackSpawner({
  root,
  venv: ensureVenv(root, 'ministack'),
  idleMs: 60 * 60_000,
  memoryMb: 512,
  concurrentStarts: 4,
  dataDir: path.join(root, '.cloudbook', 'bench-environments'),
})
const MAX_CONCURRENT = Number(args.concurrent ?? 6)
const runner = new Runner(root, { gateway: createGateway(), warm: 2, maxConcurrent: MAX_CONCURRENT })
const newLearner = (): LearnerRef => ({ id: randomUUID(), accountId: newAccountId() })
let failures = 0

async function runFor(learner: LearnerRef, asLessonCell = false) {
  const started = performance.now()
  const route = await spawner.ensure(learner)
  const outcome = await runner.run(
    asLessonCell
      ? { source: s3Cell, filename: 'cell.ts', mode: 'run', route, region: 'us-east-1', kernel: 'lesson:s3', files: s3Files }
      : { source, filename: 'solution.ts', mode: 'run', route, region: 'us-east-1' },
  )
  if (outcome.result.status !== 'pass') {
    failures++
    console.error(`run failed: ${outcome.result.message ?? outcome.result.status}`)
  }
  return { wall: performance.now() - started, server: outcome.durationMs }
}

async function inProcess(socketPath: string, accountId: string) {
  const started = performance.now()
  const s3 = new S3Client({
    endpoint: 'http://127.0.0.1:4566',
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: accountId, secretAccessKey: 'test' },
    requestHandler: new NodeHttpHandler({ httpAgent: new http.Agent({ keepAlive: true, ...{ socketPath } }) }),
  })
  const Bucket = `cloudbook-lab-${randomUUID().slice(0, 8)}`
  await s3.send(new CreateBucketCommand({ Bucket }))
  await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }))
  await s3.send(new PutObjectCommand({ Bucket, Key: 'notes.txt', Body: 'v1' }))
  await s3.send(new PutObjectCommand({ Bucket, Key: 'notes.txt', Body: 'v2' }))
  await s3.send(new ListObjectVersionsCommand({ Bucket, Prefix: 'notes.txt' }))
  s3.destroy()
  return performance.now() - started
}

async function single() {
  const learner = newLearner()
  const route = await spawner.ensure(learner)
  if (route.upstream.kind !== 'socket') throw new Error('expected a local environment')
  const runnerTimes: number[] = []
  const direct: number[] = []
  for (let i = 0; i < N + 3; i++) {
    runner.prepare(learner.id)
    await runner.pool.whenReserved(learner.id)
    const { server } = await runFor({ ...learner, accountId: newAccountId() })
    const baseline = await inProcess(route.upstream.socketPath, newAccountId())
    if (i >= 3) {
      runnerTimes.push(server)
      direct.push(baseline)
    }
  }
  await spawner.stop(learner.id)
  return { runner: summarize(runnerTimes), direct: summarize(direct) }
}

async function cold() {
  const learners = Array.from({ length: LEARNERS }, newLearner)
  const started = performance.now()
  const times = await Promise.all(learners.map((l) => runFor(l).then((r) => r.wall)))
  const total = performance.now() - started
  await Promise.all(learners.map((l) => spawner.stop(l.id)))
  return { times: summarize(times), total }
}

async function warm(asLessonCell = false) {
  const learners = Array.from({ length: LEARNERS }, newLearner)
  const openStarted = performance.now()
  // the page with cells opens: environment, its services loaded and a reserved sandbox per learner (what
  // /api/environment does for a page whose cells import @aws-sdk/client-s3)
  const services = [signingNameOf(root, '@aws-sdk/client-s3') ?? 's3']
  await Promise.all(
    learners.map(async (l) => {
      runner.prepare(l.id)
      await warmServices(await spawner.ensure(l), services)
      await runner.pool.whenReserved(l.id)
    }),
  )
  const readyMs = performance.now() - openStarted
  const memoryMb = spawner.list().reduce((sum, e) => sum + (e.memoryBytes ?? 0), 0) / 1024 / 1024
  const sandboxMb = runner.pool.reservedUsage().memoryBytes / 1024 / 1024
  const started = performance.now()
  const times = await Promise.all(learners.map((l) => runFor(l, asLessonCell).then((r) => r.wall)))
  const total = performance.now() - started
  await Promise.all(learners.map((l) => spawner.stop(l.id)))
  return { times: summarize(times), total, readyMs, memoryMb, sandboxMb }
}

/** CPU a start costs, from the sandbox's own cgroup (exact even when the machine is busy). */
async function startCosts() {
  const sandboxCpu: number[] = []
  for (let i = 0; i < 8; i++) {
    const id = randomUUID()
    runner.prepare(id)
    await runner.pool.whenReserved(id)
    sandboxCpu.push(runner.pool.reservedUsage().cpuMs)
    runner.pool.release(id)
  }
  const emulatorCpu: number[] = []
  const emulatorWall: number[] = []
  for (let i = 0; i < 4; i++) {
    const learner = newLearner()
    const started = performance.now()
    await spawner.ensure(learner)
    emulatorWall.push(performance.now() - started)
    emulatorCpu.push(spawner.list().find((e) => e.learnerId === learner.id)?.cpuMs ?? 0)
    await spawner.stop(learner.id)
  }
  return {
    sandboxCpu: summarize(sandboxCpu).p50,
    emulatorCpu: summarize(emulatorCpu).p50,
    emulatorWall: summarize(emulatorWall).p50,
  }
}

console.log(machineLine())
console.log(`learners per class scenario: ${LEARNERS}; single-run samples: ${N}; runs at once: ${MAX_CONCURRENT}\n`)
const costs = await startCosts()
const s = await single()
const c = await cold()
const w = await warm()
const wc = await warm(true)
runner.close()
await spawner.stopAll()

console.log(
  table(SUMMARY_HEADER, [
    summaryRow('single: runner (server-side)', s.runner),
    summaryRow('single: same calls in-process', s.direct),
    summaryRow(`cold: ${LEARNERS} press Run at once`, c.times, 0),
    summaryRow(`warm: ${LEARNERS} press Run at once`, w.times, 0),
    summaryRow(`warm: ${LEARNERS} run the S3 lesson cell`, wc.times, 0),
  ]),
)
const overhead = s.runner.p50 - s.direct.p50
console.log(`
single-run overhead p50: ${ms(overhead)} (target ≤ 40 ms: ${verdict(overhead <= 40)})
cold: all ${LEARNERS} done in ${ms(c.total, 0)}; warm: all done in ${ms(w.total, 0)}, p95 ${ms(w.times.p95, 0)} (target ≤ 2 s: ${verdict(w.times.p95 <= 2000)})
warm, the S3 lesson's first cell in its kernel: all done in ${ms(wc.total, 0)}, p95 ${ms(wc.times.p95, 0)} (target ≤ 2 s: ${verdict(wc.times.p95 <= 2000)})
warm: opening the page for ${LEARNERS} learners took ${ms(w.readyMs, 0)} until every environment and sandbox was ready
memory: ${LEARNERS} live environments ${w.memoryMb.toFixed(0)} MB (${(w.memoryMb / LEARNERS).toFixed(0)} MB each), reserved sandboxes ${w.sandboxMb.toFixed(0)} MB (${(w.sandboxMb / LEARNERS).toFixed(0)} MB each)
CPU per start (p50, from the cgroup): sandbox ${ms(costs.sandboxCpu, 0)}, emulator ${ms(costs.emulatorCpu, 0)} (emulator start wall time p50 ${ms(costs.emulatorWall, 0)})
errors: ${failures}`)
process.exit(failures ? 1 : 0)
