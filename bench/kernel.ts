// Notebook kernel benchmark: Run to first output on a warm kernel, against a one-shot run in a reserved sandbox.
//
//   npx tsx bench/kernel.ts [--n=40]      (npm run bench:kernel)
//
//   kernel    one learner, the lesson's kernel already running: N cells `console.log(n)`, time from Run to the
//             first stdout event and to the result, server-side (the target: p50 ≤ 30 ms to first output)
//   one-shot  the same cell as a lab run: a reserved, pre-started sandbox per run (what cells did before kernels)
//   shared    a cell that uses a client made in an earlier cell (ListBuckets through the kernel's S3 client)
//
// Figures only; the exit code is 1 only if runs fail outright.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { createGateway } from '../lib/environments/create'
import { MinistackSpawner } from '../lib/environments/ministack-spawner'
import type { LearnerRef } from '../lib/environments/spawner'
import { ensureVenv } from '../lib/environments/venv'
import { newAccountId } from '../lib/emulator/credentials'
import type { RunEvent } from '../lib/results'
import { Runner } from '../lib/runner/run'
import { SUMMARY_HEADER, machineLine, summarize, summaryRow, table } from './stats'

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')))
const N = Number(args.n ?? 40)
const root = process.cwd()
const spawner = new MinistackSpawner({
  root,
  venv: ensureVenv(root, 'ministack'),
  idleMs: 60 * 60_000,
  memoryMb: 512,
  concurrentStarts: 2,
  dataDir: path.join(root, '.cloudbook', 'bench-kernel'),
})
const runner = new Runner(root, { gateway: createGateway(), warm: 1 })
const learner: LearnerRef = { id: randomUUID(), accountId: newAccountId() }
let failures = 0

async function cell(source: string, kernel?: string) {
  const route = await spawner.ensure(learner)
  const started = performance.now()
  let firstOutput = Number.NaN
  const outcome = await runner.run({
    source,
    filename: 'cell.ts',
    mode: 'run',
    route,
    region: 'us-east-1',
    kernel,
    onEvent: (event: RunEvent) => {
      if (event.type === 'stdout' && Number.isNaN(firstOutput)) firstOutput = performance.now() - started
    },
  })
  if (outcome.result.status !== 'pass') {
    failures++
    console.error(outcome.result.message)
  }
  return { firstOutput, total: performance.now() - started }
}

console.log(machineLine())
const kernel = 'lesson:bench'
await cell(`import { S3Client, ListBucketsCommand } from '@aws-sdk/client-s3'\nconst s3 = new S3Client({})\nconsole.log('ready')`, kernel)
const warm = []
for (let i = 0; i < N; i++) warm.push(await cell(`console.log(${i})`, kernel))
const shared = []
for (let i = 0; i < N; i++)
  shared.push(await cell(`const { Buckets = [] } = await s3.send(new ListBucketsCommand({}))\nconsole.log(Buckets.length)`, kernel))
const oneShot = []
for (let i = 0; i < Math.min(N, 15); i++) {
  runner.prepare(learner.id)
  await runner.pool.whenReserved(learner.id)
  oneShot.push(await cell(`console.log(${i})`))
}
const rows = [
  summaryRow('kernel: Run → first output', summarize(warm.map((r) => r.firstOutput))),
  summaryRow('kernel: Run → result', summarize(warm.map((r) => r.total))),
  summaryRow('kernel: S3 call on cell-1 client', summarize(shared.map((r) => r.total))),
  summaryRow('one-shot: Run → first output', summarize(oneShot.map((r) => r.firstOutput))),
  summaryRow('one-shot: Run → result', summarize(oneShot.map((r) => r.total))),
]
console.log(`\n${table(SUMMARY_HEADER, rows)}`)
const p50 = summarize(warm.map((r) => r.firstOutput)).p50
console.log(`\ntarget warm kernel Run → first output ≤ 30 ms p50: ${p50 <= 30 ? 'MET' : 'NOT MET'} (${p50.toFixed(1)} ms)`)
runner.close()
await spawner.stopAll()
process.exit(failures ? 1 : 0)
