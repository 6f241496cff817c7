import { mkdirSync } from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')

/** The embedded default: one SQLite file under .cloudbook/, created on first use. */
export function defaultDatabaseUrl() {
  const dir = path.join(ROOT, '.cloudbook')
  mkdirSync(dir, { recursive: true })
  return `file:${path.join(dir, 'cloudbook.db')}`
}
