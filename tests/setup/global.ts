// Once per test run: start the emulators the tests need (unless AWS_ENDPOINT_URL points at one) and build a
// migrated base database of each kind that every worker copies (tests/setup/worker-database.ts).
import { mkdirSync, rmSync } from 'node:fs'
import { startEmulator } from '../../lib/emulator/managed.mjs'
import { migrate } from '../../lib/db/migrate.mjs'
import { POSTGRES_ADMIN_URL } from '../../lib/db/scratch.mjs'
import { basePostgresName, baseSqliteFile, testDbDir } from './paths'

export default async function setup() {
  const stops: (() => void)[] = []
  if (!process.env.AWS_ENDPOINT_URL) {
    const ministack = await startEmulator({ backend: 'ministack', log: () => {} })
    stops.push(ministack.stop)
    process.env.AWS_ENDPOINT_URL = ministack.endpoint
  }
  process.env.CLOUDBOOK_TEST_MINISTACK_URL ??= process.env.AWS_ENDPOINT_URL
  // LocalStack runs the conformance tests (labs and the S3 lesson's cells); CLOUDBOOK_TEST_BACKENDS=ministack skips
  // starting it, and the tests that need it then fail saying so.
  if (
    (process.env.CLOUDBOOK_TEST_BACKENDS ?? 'ministack,localstack').includes('localstack') &&
    !process.env.CLOUDBOOK_TEST_LOCALSTACK_URL
  ) {
    const localstack = await startEmulator({ backend: 'localstack', log: () => {} })
    stops.push(localstack.stop)
    process.env.CLOUDBOOK_TEST_LOCALSTACK_URL = localstack.endpoint
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
    stops.forEach((stop) => stop())
    await dropTestDatabases()
  }
}

/** The base and every worker copy (tests/setup/worker-database.ts): nothing is left behind on the server. */
async function dropTestDatabases() {
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await admin.connect()
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'cloudbook\\_test\\_%'",
  )
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
  await admin.end()
}
