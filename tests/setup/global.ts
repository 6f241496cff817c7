// Once per test run: start the shared LocalStack the conformance tests need (MiniStack environments are started
// per learner by the tests themselves) and build a migrated base database of each kind that every worker copies
// (tests/setup/worker-database.ts).
import { mkdirSync, rmSync } from 'node:fs'
import { startSharedLocalStack } from '../../lib/environments/shared-spawner'
import { ensureVenv } from '../../lib/environments/venv'
import { migrate } from '../../lib/db/migrate.mjs'
import { POSTGRES_ADMIN_URL } from '../../lib/db/scratch.mjs'
import { basePostgresName, baseSqliteFile, testDbDir, testDbPrefix, testRunId } from './paths'

export default async function setup() {
  process.env.CLOUDBOOK_TEST_RUN_ID = testRunId
  const stops: (() => Promise<void>)[] = []
  ensureVenv(process.cwd(), 'ministack', () => undefined)
  // LocalStack runs the conformance tests (labs and the S3 lesson's cells); CLOUDBOOK_TEST_BACKENDS=ministack skips
  // starting it, and the tests that need it then fail saying so.
  if ((process.env.CLOUDBOOK_TEST_BACKENDS ?? 'ministack,localstack').includes('localstack')) {
    const venv = ensureVenv(process.cwd(), 'localstack', () => undefined)
    const localstack = await startSharedLocalStack(process.cwd(), venv, 1536)
    stops.push(localstack.stop)
    if (localstack.upstream.kind === 'socket')
      process.env.CLOUDBOOK_TEST_LOCALSTACK_SOCKET = localstack.upstream.socketPath
  }

  rmSync(testDbDir, { recursive: true, force: true })
  mkdirSync(testDbDir, { recursive: true })
  await migrate(`file:${baseSqliteFile}`)

  await dropTestDatabases()
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${basePostgresName}"`)
  await admin.end()
  const baseUrl = new URL(POSTGRES_ADMIN_URL)
  baseUrl.pathname = `/${basePostgresName}`
  await migrate(baseUrl.toString())

  return async () => {
    await Promise.all(stops.map((stop) => stop()))
    await dropTestDatabases()
    rmSync(testDbDir, { recursive: true, force: true })
  }
}

function alive(pid: number) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * This run's base and worker copies (tests/setup/worker-database.ts), and those of runs that died without
 * cleaning up; never the databases of another run still going on this machine.
 */
async function dropTestDatabases() {
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await admin.connect()
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'cloudbook\\_test\\_%'",
  )
  for (const { datname } of rows) {
    const owner = Number(/^cloudbook_test_(\d+)_/.exec(datname)?.[1] ?? 0)
    if (datname.startsWith(testDbPrefix) || !owner || !alive(owner)) {
      await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
    }
  }
  await admin.end()
}
