import 'server-only'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { dataDir } from '../data-dir'
import { env } from '../env'

/**
 * The secret that signs session cookies: CLOUDBOOK_AUTH_SECRET, or one generated on first use and kept in
 * .cloudbook/auth-secret (mode 600) so sessions survive restarts of a self-hosted install with no configuration.
 */
export function authSecret(): string {
  if (env.CLOUDBOOK_AUTH_SECRET) return env.CLOUDBOOK_AUTH_SECRET
  const dir = dataDir(process.cwd())
  const file = path.join(dir, 'auth-secret')
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim()
    if (stored.length >= 32) return stored
  }
  mkdirSync(dir, { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
