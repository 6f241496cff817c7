import path from 'node:path'

// Unique per test run (the main Vitest process sets it in tests/setup/global.ts; workers inherit it), so two runs
// on one machine never share databases or files.
export const testRunId = process.env.CLOUDBOOK_TEST_RUN_ID ?? String(process.pid)
export const testDbDir = path.resolve(import.meta.dirname, '..', '..', '.cloudbook', 'test-db', testRunId)
export const baseSqliteFile = path.join(testDbDir, 'base.db')
export const testDbPrefix = `cloudbook_test_${testRunId}_`
export const basePostgresName = `${testDbPrefix}base`
