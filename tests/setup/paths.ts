import path from 'node:path'

export const testDbDir = path.resolve(import.meta.dirname, '..', '..', '.cloudbook', 'test-db')
export const baseSqliteFile = path.join(testDbDir, 'base.db')
export const basePostgresName = 'cloudbook_test_base'
