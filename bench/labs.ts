// Lab check benchmark: how long a Check takes for every lab, and a class checking at once.
//
//   npx tsx bench/labs.ts [--n=5] [--learners=60]      (npm run bench:labs)
//
//   per lab   one learner runs the lab's solution, then presses Check N times: wall time of the check, the time its
//             AWS calls spent in the emulator (from the call timeline), and the difference — Cloudbook's own cost
//             (sandbox, bundle, transpile, result) which the issue asks to keep ≤ 150 ms p50
//   class     L learners, each with a solved s3-versioning lab and the page open (environment up, sandbox
//             reserved), press Check at the same moment: errors and latency
//
// Figures only; the exit code is 1 only if checks fail outright.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { createGateway } from '../lib/environments/create'
import { MinistackSpawner } from '../lib/environments/ministack-spawner'
import type { LearnerRef } from '../lib/environments/spawner'
import { ensureVenv } from '../lib/environments/venv'
import { newAccountId } from '../lib/emulator/credentials'
import { listLabIds, readLab } from '../lib/labs/lab-files'
import type { AwsCall } from '../lib/results'
import { Runner } from '../lib/runner/run'
import { SUMMARY_HEADER, machineLine, ms, summarize, summaryRow, table, verdict } from './stats'

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')))
const N = Number(args.n ?? 5)
const LEARNERS = Number(args.learners ?? 60)
const root = process.cwd()

const spawner = new MinistackSpawner({
  root,
  venv: ensureVenv(root, 'ministack'),
  idleMs: 60 * 60_000,
  memoryMb: 512,
  concurrentStarts: 4,
  dataDir: path.join(root, '.cloudbook', 'bench-labs'),
})
const runner = new Runner(root, { gateway: createGateway(), warm: 2, maxConcurrent: 6 })
const newLearner = (): LearnerRef => ({ id: randomUUID(), accountId: newAccountId() })
let failures = 0

async function execute(learner: LearnerRef, labId: string, mode: 'run' | 'check' | 'reset', calls: AwsCall[] = []) {
  const lab = readLab(labId)
  const route = await spawner.ensure(learner)
  const started = performance.now()
  const outcome = await runner.run({
    source: mode === 'run' ? lab.solution : mode === 'check' ? lab.check : lab.cleanup,
    filename: mode === 'run' ? 'solution.ts' : mode === 'check' ? 'check.ts' : 'cleanup.ts',
    mode: mode === 'check' ? 'check' : 'run',
    route,
    region: 'us-east-1',
    relativeTo: mode === 'run' ? undefined : lab.dir,
    // a check reads the timeline of the learner's last run, as the check route passes it
    calls: mode === 'check' ? calls : undefined,
  })
  const wall = performance.now() - started
  const emulator = outcome.calls.reduce((sum, c) => sum + c.durationMs, 0)
  if (outcome.result.status !== 'pass') {
    failures++
    console.error(`${labId} ${mode}: ${outcome.result.message ?? outcome.result.status}`)
  }
  return { wall, emulator, own: wall - emulator, calls: outcome.calls }
}

async function perLab() {
  const rows: string[][] = []
  const own: number[] = []
  const resets: number[] = []
  for (const labId of listLabIds()) {
    if (!readLab(labId).meta.backends.includes('ministack')) continue
    const learner = newLearner()
    const solved = await execute(learner, labId, 'run')
    const samples = []
    for (let i = 0; i < N; i++) {
      await runner.pool.whenReserved(learner.id)
      samples.push(await execute(learner, labId, 'check', solved.calls))
    }
    const wall = summarize(samples.map((s) => s.wall))
    const emulator = summarize(samples.map((s) => s.emulator))
    const mine = summarize(samples.map((s) => s.own))
    own.push(...samples.map((s) => s.own))
    // Reset: the lab's clean-up in the learner's environment (the draft going back to the starter is one row)
    await runner.pool.whenReserved(learner.id)
    const reset = await execute(learner, labId, 'reset')
    resets.push(reset.wall)
    rows.push([labId, ms(wall.p50), ms(emulator.p50), ms(mine.p50), ms(mine.p95), ms(reset.wall, 0)])
    await spawner.stop(learner.id)
  }
  return { rows, own: summarize(own), resets: summarize(resets) }
}

async function classChecks() {
  const learners = Array.from({ length: LEARNERS }, newLearner)
  const solved = await Promise.all(learners.map((l) => execute(l, 's3-versioning', 'run')))
  await Promise.all(
    learners.map(async (l) => {
      runner.prepare(l.id)
      await runner.pool.whenReserved(l.id)
    }),
  )
  const before = failures
  const started = performance.now()
  const times = await Promise.all(
    learners.map((l, i) => execute(l, 's3-versioning', 'check', solved[i]?.calls).then((r) => r.wall)),
  )
  const total = performance.now() - started
  const errors = failures - before
  await Promise.all(learners.map((l) => spawner.stop(l.id)))
  return { times: summarize(times), total, errors }
}

console.log(machineLine())
const labs = await perLab()
console.log(`\nPer lab: ${N} checks each after the solution ran (wall = emulator + Cloudbook's own time)\n`)
console.log(table(['lab', 'wall p50', 'emulator p50', 'own p50', 'own p95', 'reset'], labs.rows))
console.log(
  `\n${table(SUMMARY_HEADER, [summaryRow('own time, all labs', labs.own), summaryRow('reset (clean-up run)', labs.resets)])}`,
)
console.log(`target own time ≤ 150 ms p50: ${verdict(labs.own.p50 <= 150)}`)
const group = await classChecks()
console.log(`\n${LEARNERS} learners press Check at once (s3-versioning, solved, pages open)\n`)
console.log(table(SUMMARY_HEADER, [summaryRow('check wall time', group.times)]))
console.log(`all done in ${ms(group.total, 0)}; errors: ${group.errors} (target 0: ${verdict(group.errors === 0)})`)
runner.close()
await spawner.stopAll()
process.exit(failures ? 1 : 0)
