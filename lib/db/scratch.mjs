import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const POSTGRES_ADMIN_URL = process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

/** Runs fn(url) against a new empty database of the given provider and removes it afterwards. */
export async function withScratchDatabase(provider, fn) {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cloudbook-db-'))
    try {
      return await fn(`file:${path.join(dir, 'scratch.db')}`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL })
  await admin.connect()
  const name = `cloudbook_scratch_${randomUUID().replace(/-/g, '')}`
  await admin.query(`CREATE DATABASE "${name}"`)
  try {
    const url = new URL(POSTGRES_ADMIN_URL)
    url.pathname = `/${name}`
    return await fn(url.toString())
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    await admin.end()
  }
}
