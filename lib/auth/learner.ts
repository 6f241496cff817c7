import 'server-only'
import { createHash, randomUUID } from 'node:crypto'
import { cookies } from 'next/headers'
import { db } from '../db/client'
import { newAccountId } from '../emulator/credentials'

import { LEARNER_COOKIE } from './cookie'

export type Learner = { id: string; accountId: string }

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * The learner behind a token, created on first use. Only the token's hash is stored, so a database leak does
 * not hand out sessions.
 */
export async function learnerForToken(token: string): Promise<Learner> {
  const tokenHash = hashToken(token)
  const existing = await db.learner.findUnique({ where: { tokenHash }, select: { id: true, accountId: true } })
  if (existing) return existing
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.learner.create({
        data: { id: randomUUID(), tokenHash, accountId: newAccountId() },
        select: { id: true, accountId: true },
      })
    } catch (error) {
      // a concurrent first request created it, or (once in ~10^11) the account id collided: look again, retry
      const raced = await db.learner.findUnique({ where: { tokenHash }, select: { id: true, accountId: true } })
      if (raced) return raced
      if (attempt >= 2) throw error
    }
  }
}

/** The current learner; proxy.ts guarantees every request carries a token cookie. */
export async function currentLearner(): Promise<Learner> {
  const token = (await cookies()).get(LEARNER_COOKIE)?.value
  if (!token) throw new Error('missing learner cookie: is proxy.ts running?')
  return learnerForToken(token)
}
