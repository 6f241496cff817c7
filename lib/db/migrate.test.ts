import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { isEmptyMigration, pendingSchemaChange } from './migrate.mjs'
import { withScratchDatabase } from './scratch.mjs'
import { postgresSchemaFrom } from '../../scripts/prisma-generate.mjs'

it('has SQLite migrations that produce exactly the schema (run `npm run db:migrate -- create <name>` if not)', async () => {
  const sql = await withScratchDatabase('sqlite', pendingSchemaChange)
  expect(isEmptyMigration(sql), sql).toBe(true)
})

it('keeps the PostgreSQL schema generated from the SQLite one and its migrations in step with it', () => {
  const read = (file: string) => readFileSync(path.resolve(file), 'utf8')
  expect(read('prisma/postgres/schema.prisma')).toBe(postgresSchemaFrom(read('prisma/schema.prisma')))
  expect(read('prisma/postgres/migrations/schema-at-last-migration.prisma')).toBe(read('prisma/postgres/schema.prisma'))
})
