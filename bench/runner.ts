// Runner benchmark: how much does Cloudbook's sandboxed Runner add on top of the AWS calls a lab makes?
//
//   npx tsx bench/runner.ts [N=30] [--gap=MS]
//
// Runs labs/s3-versioning/solution.ts N times each
//   runner      through lib/runner (new Runner(process.cwd()).run), as the app does for a learner's Run button
//   tsx         as a separate `node --import tsx <copy of solution.ts>` process, the obvious alternative
//   in-process  the same S3 calls made directly in this process: pure SDK + emulator time, no process at all
// every run with a fresh 12-digit account (learnerEnvironment), against one emulator. If AWS_ENDPOINT_URL is unset,
// MiniStack is started for the run and stopped afterwards.
//
// --gap=MS idles MS milliseconds between timed runs (not timed). The default 0 runs back to back, which also
// means the Runner's pool is still starting a replacement sandbox while the next run executes; a gap of ~1000 ms
// models a learner who reads the output before pressing Run again.
//
// Prints figures only: targets are reported as MET / NOT MET and the exit code is 0 either way (1 only if a run
// fails outright, because then the figures mean nothing).
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import {
  CreateBucketCommand,
  ListObjectVersionsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import { learnerEnvironment, newAccountId } from '../lib/emulator/credentials'
import { startEmulator, type StartedEmulator } from '../lib/emulator/managed.mjs'
import { Runner } from '../lib/runner/run'
import { SUMMARY_HEADER, machineLine, ms, summarize, summaryRow, table, verdict } from './stats'

const WARMUP = 3
const TARGET_OVERHEAD_MS = 100
const TARGET_RATIO = 0.3

function parseArgs(argv: string[]) {
  let n = 30
  let gapMs = 0
  for (const arg of argv) {
    const gap = /^--gap=(\d+)$/.exec(arg)
    if (gap) gapMs = Number(gap[1])
    else if (/^\d+$/.test(arg) && Number(arg) > 0) n = Number(arg)
    else throw new Error(`unknown argument "${arg}"; usage: npx tsx bench/runner.ts [N=30] [--gap=MS]`)
  }
  return { n, gapMs }
}

const root = process.cwd()
const solutionFile = path.join(root, 'labs', 's3-versioning', 'solution.ts')
if (!existsSync(solutionFile) || !existsSync(path.join(root, 'lib', 'runner', 'sandbox-child.mjs'))) {
  console.error(`Run this from the project root (no ${path.relative(root, solutionFile)} here).`)
  process.exit(1)
}
const { n, gapMs } = parseArgs(process.argv.slice(2))
const source = readFileSync(solutionFile, 'utf8')
// Inside the project so that `@aws-sdk/client-s3` resolves from node_modules; removed at the end.
const tempCopy = path.join(root, 'bench', `.solution-copy-${process.pid}.ts`)

let emulator: StartedEmulator | undefined
let endpoint = process.env.AWS_ENDPOINT_URL
const region = process.env.AWS_REGION ?? 'us-east-1'

const freshEnv = () => learnerEnvironment({ accountId: newAccountId(), endpoint: endpoint ?? '', region })

class RunFailed extends Error {}

// --- the three ways of running the lab -------------------------------------------------------------------------

async function viaRunner(runner: Runner) {
  const started = performance.now()
  const outcome = await runner.run({ source, filename: 'solution.ts', mode: 'run', env: freshEnv() })
  const wall = performance.now() - started
  if (outcome.result.status !== 'pass') {
    const why = outcome.result.status === 'error' ? outcome.result.message : outcome.result.status
    throw new RunFailed(`runner: ${why}\n${outcome.stderr}`)
  }
  return { wall, reported: outcome.durationMs }
}

function viaTsx(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, ['--import', 'tsx', tempCopy], {
      cwd: root,
      // the learner's AWS settings plus what the Runner's sandbox also gets (lib/runner/pool.ts)
      env: { ...freshEnv(), NODE_ENV: 'production', NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stdout.resume()
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.once('error', reject)
    child.once('close', (code) => {
      const wall = performance.now() - started
      if (code === 0) resolve(wall)
      else reject(new RunFailed(`tsx: exit code ${code}\n${stderr}`))
    })
  })
}

/** labs/s3-versioning/solution.ts, call for call, with a client configured from the environment as there. */
async function solutionCalls() {
  const s3 = new S3Client({})
  try {
    const Bucket = `cloudbook-lab-${Date.now()}`
    await s3.send(new CreateBucketCommand({ Bucket }))
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }))
    await s3.send(new PutObjectCommand({ Bucket, Key: 'notes.txt', Body: 'first draft' }))
    await s3.send(new PutObjectCommand({ Bucket, Key: 'notes.txt', Body: 'second draft' }))
    const { Versions = [] } = await s3.send(new ListObjectVersionsCommand({ Bucket, Prefix: 'notes.txt' }))
    // the solution prints this; building it keeps the work identical without cluttering the benchmark output
    const printed = JSON.stringify(
      Versions.map((v) => ({ VersionId: v.VersionId, IsLatest: v.IsLatest, Size: v.Size })),
    )
    if (Versions.length !== 2) throw new RunFailed(`in-process: expected 2 versions, got ${printed}`)
  } finally {
    s3.destroy()
  }
}

async function inProcess(): Promise<number> {
  const env = freshEnv()
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  Object.assign(process.env, env)
  try {
    const started = performance.now()
    await solutionCalls()
    return performance.now() - started
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

// --- driver ----------------------------------------------------------------------------------------------------

async function repeat<T>(label: string, fn: () => Promise<T>): Promise<T[]> {
  for (let i = 0; i < WARMUP; i++) await fn()
  const samples: T[] = []
  for (let i = 0; i < n; i++) {
    if (gapMs) await sleep(gapMs)
    samples.push(await fn())
    if (process.stderr.isTTY) process.stderr.write(`\r${label}: ${i + 1}/${n}`)
  }
  if (process.stderr.isTTY) process.stderr.write('\n')
  return samples
}

async function main() {
  if (!endpoint) {
    emulator = await startEmulator({ backend: 'ministack', log: (line) => console.error(line) })
    endpoint = emulator.endpoint
  }
  console.log(`Runner benchmark · ${machineLine()}`)
  console.log(
    `emulator ${endpoint}${emulator ? ' (MiniStack started by this script)' : ' (AWS_ENDPOINT_URL)'} · N=${n} · warm-up ${WARMUP} per method · gap ${gapMs} ms`,
  )

  writeFileSync(tempCopy, source)

  const runner = new Runner(root, { warmEndpoint: endpoint })
  runner.prewarm()
  let runnerSamples: { wall: number; reported: number }[]
  try {
    runnerSamples = await repeat('runner', () => viaRunner(runner))
  } finally {
    runner.close()
  }
  const tsxSamples = await repeat('tsx', viaTsx)
  const inProcessSamples = await repeat('in-process', inProcess)

  const runnerWall = summarize(runnerSamples.map((s) => s.wall))
  const runnerReported = summarize(runnerSamples.map((s) => s.reported))
  const tsx = summarize(tsxSamples)
  const direct = summarize(inProcessSamples)

  console.log()
  console.log(
    table(SUMMARY_HEADER, [
      summaryRow('runner (wall)', runnerWall),
      summaryRow('runner (durationMs)', runnerReported),
      summaryRow('tsx process', tsx),
      summaryRow('in-process SDK', direct),
    ]),
  )

  const overhead = runnerWall.p50 - direct.p50
  const ratio = runnerWall.p50 / tsx.p50
  console.log()
  console.log(
    table(
      ['derived (p50)', 'value', 'target', 'result'],
      [
        [
          'runner overhead = runner − in-process',
          ms(overhead),
          `≤ ${TARGET_OVERHEAD_MS} ms`,
          verdict(overhead <= TARGET_OVERHEAD_MS),
        ],
        ['ratio runner / tsx', ratio.toFixed(3), `≤ ${TARGET_RATIO}`, verdict(ratio <= TARGET_RATIO)],
        ['(info) tsx overhead = tsx − in-process', ms(tsx.p50 - direct.p50), '', ''],
      ],
    ),
  )
}

function cleanup() {
  rmSync(tempCopy, { force: true })
  emulator?.stop()
}

process.once('SIGINT', () => {
  cleanup()
  process.exit(130)
})

try {
  await main()
} catch (error) {
  console.error(error instanceof RunFailed ? `A run failed, so there are no figures:\n${error.message}` : error)
  process.exitCode = 1
} finally {
  // no process.exit(): let the killed sandboxes and the emulator exit so their clean-up handlers run
  cleanup()
}
