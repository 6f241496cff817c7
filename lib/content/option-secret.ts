import 'server-only'
import { createHmac } from 'node:crypto'
import { authSecret } from '../auth/secret'
import type { OptionIdScope } from './option-ids'

let derived: { from: string; secret: string } | undefined

/**
 * The key for opaque option ids, derived from the session secret (CLOUDBOOK_AUTH_SECRET or .cloudbook/auth-secret) so
 * an install needs no extra setting. A labelled HMAC keeps the two uses apart: knowing option ids never helps forge a
 * session. Rotating the session secret only changes ids of quiz pages already open (a reload fixes them).
 */
export function optionIdSecret(): string {
  const base = authSecret()
  if (derived?.from !== base) {
    derived = {
      from: base,
      secret: createHmac('sha256', base).update('cloudbook quiz option ids v1').digest('base64url'),
    }
  }
  return derived.secret
}

export function optionIdScope(learnerId: string, section: string): OptionIdScope {
  return { secret: optionIdSecret(), learnerId, section }
}
