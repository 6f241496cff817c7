import 'server-only'
import { randomUUID } from 'node:crypto'
import { cookies } from 'next/headers'
import { db } from '../db/client'
import { env } from '../env'
import { newAccountId } from '../emulator/credentials'
import { LEARNER_COOKIE, isLearnerToken, learnerCookieOptions, newLearnerToken } from './cookie'
import { currentUser } from './session'
import { hashToken } from './token'

export type Learner = { id: string; accountId: string }

const select = { id: true, accountId: true } as const

/** Creates a learner row, retrying when a concurrent request won the race (or an account id collided). */
async function createOnce(data: { tokenHash: string } | { userId: string }, find: () => Promise<Learner | null>) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.learner.create({ data: { id: randomUUID(), accountId: newAccountId(), ...data }, select })
    } catch (error) {
      const raced = await find()
      if (raced) return raced
      if (attempt >= 2) throw error
    }
  }
}

export async function findLearnerForToken(token: string): Promise<Learner | null> {
  if (!isLearnerToken(token)) return null
  return db.learner.findUnique({ where: { tokenHash: hashToken(token) }, select })
}

/** The anonymous learner behind a token, created on first use (the first time something is saved). */
export async function learnerForToken(token: string): Promise<Learner> {
  if (!isLearnerToken(token)) throw new Error('not a learner token: expected 43 base64url characters')
  const tokenHash = hashToken(token)
  return (await findLearnerForToken(token)) ?? createOnce({ tokenHash }, () => findLearnerForToken(token))
}

export async function findLearnerForUser(userId: string): Promise<Learner | null> {
  return db.learner.findUnique({ where: { userId }, select })
}

/** The account's learner (its progress and emulator account), created on first use. */
export async function learnerForUser(userId: string): Promise<Learner> {
  return (await findLearnerForUser(userId)) ?? createOnce({ userId }, () => findLearnerForUser(userId))
}

/**
 * The learner behind this request, without creating one: null for a visitor who has saved nothing yet. Pages
 * that only show progress use this, so crawlers and first visits add no rows.
 */
export async function findCurrentLearner(): Promise<Learner | null> {
  const user = await currentUser()
  if (user) return findLearnerForUser(user.id)
  const token = (await cookies()).get(LEARNER_COOKIE)?.value
  return isLearnerToken(token) ? findLearnerForToken(token) : null
}

/**
 * The learner behind this request, created when missing: the signed-in account's, else the anonymous cookie's.
 * proxy.ts gives every browser a well-formed token; if one is missing or garbled anyway, a route handler issues a
 * fresh one here instead of failing.
 */
export async function currentLearner(): Promise<Learner> {
  const user = await currentUser()
  if (user) return learnerForUser(user.id)
  const store = await cookies()
  const token = store.get(LEARNER_COOKIE)?.value
  if (isLearnerToken(token)) return learnerForToken(token)
  const fresh = newLearnerToken()
  try {
    store.set(LEARNER_COOKIE, fresh, learnerCookieOptions(env.CLOUDBOOK_URL?.startsWith('https:') ?? false))
  } catch {
    throw new Error('no learner cookie on this request and none can be set while rendering: is proxy.ts running?')
  }
  return learnerForToken(fresh)
}
