// `npm start` / `npm run dev`: everything Cloudbook needs, with embedded defaults.
//   1. database: DATABASE_URL, or the embedded SQLite file .cloudbook/cloudbook.db, migrated offline
//   2. the app: `next start` (building first when there is no build) or `next dev`. The app itself installs the
//      pinned emulator on first start and runs learner environments (lib/environments): a sandboxed MiniStack per
//      learner, or LocalStack / your AWS_ENDPOINT_URL shared behind the gateway.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { migrate } from '../lib/db/migrate.mjs'
import { defaultDatabaseUrl } from '../lib/db/url.mjs'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const mode = process.argv[2] === 'dev' ? 'dev' : 'start'
const port = process.env.PORT ?? '3000'
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }
const log = (line) => console.log(`[cloudbook] ${line}`)

function fail(message) {
  console.error(`[cloudbook] ${message}`)
  process.exit(1)
}

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 19))
  fail(`Node ${process.versions.node} is too old: Cloudbook needs Node 20.19 or newer (22 LTS recommended).`)
if (major === 20)
  log('Node 20 is past its end of life; AWS SDK releases after January 2027 need Node 22 — please upgrade soon.')

const databaseUrl = env.DATABASE_URL ?? defaultDatabaseUrl()
env.DATABASE_URL = databaseUrl
try {
  const applied = await migrate(databaseUrl)
  log(applied.length ? `database migrated (${applied.join(', ')})` : 'database is up to date')
} catch (error) {
  fail(
    `Could not migrate the database at ${databaseUrl.replace(/\/\/[^@]*@/, '//…@')}: ${error.message.split('\n')[0]}`,
  )
}

if (env.AWS_ENDPOINT_URL) log(`learner code will use your emulator at ${env.AWS_ENDPOINT_URL}, shared behind the gateway`)

/** Newest modification time of the files a production build is made from (lessons are read at run time). */
function newestSource() {
  let newest = 0
  const visit = (entry) => {
    const stat = statSync(entry)
    if (stat.isDirectory()) readdirSync(entry).forEach((name) => visit(path.join(entry, name)))
    else newest = Math.max(newest, stat.mtimeMs)
  }
  for (const entry of [
    'app',
    'components',
    'lib',
    'proxy.ts',
    'instrumentation.ts',
    'next.config.mjs',
    'package-lock.json',
  ]) {
    const full = path.join(root, entry)
    if (existsSync(full)) visit(full)
  }
  return newest
}

const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
const buildId = path.join(root, '.next', 'BUILD_ID')
const stale = existsSync(buildId) && newestSource() > statSync(buildId).mtimeMs
if (mode === 'start' && (!existsSync(buildId) || stale)) {
  log(
    stale
      ? 'the code changed since the last build: rebuilding…'
      : 'no production build yet: building (first start only, about a minute)…',
  )
  const build = spawnSync(process.execPath, [next, 'build'], { cwd: root, env, stdio: 'inherit' })
  if (build.status !== 0) fail('the build failed (see above)')
}

log(`starting on http://localhost:${port}`)
const app = spawn(process.execPath, [next, mode, '--port', port], { cwd: root, env, stdio: 'inherit' })
const shutdown = (signal) => {
  app.kill(signal)
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
app.on('exit', (code) => process.exit(code ?? 0))
