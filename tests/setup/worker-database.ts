// Every test worker gets a fresh database copied from the migrated base: a file copy for SQLite, a template
// copy for PostgreSQL. It must run before lib/env.ts is imported, so it is a Vitest setup file.
import { copyFileSync } from 'node:fs'
import path from 'node:path'
import { POSTGRES_ADMIN_URL } from '../../lib/db/scratch.mjs'
import { basePostgresName, baseSqliteFile, testDbDir, testDbPrefix } from './paths'

const worker = `${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`

if (process.env.CLOUDBOOK_TEST_DB === 'postgres') {
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await admin.connect()
  const name = `${testDbPrefix}${worker}`
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${basePostgresName}"`)
  await admin.end()
  const url = new URL(POSTGRES_ADMIN_URL)
  url.pathname = `/${name}`
  process.env.DATABASE_URL = url.toString()
} else {
  const file = path.join(testDbDir, `worker-${worker}.db`)
  copyFileSync(baseSqliteFile, file)
  process.env.DATABASE_URL = `file:${file}`
}
