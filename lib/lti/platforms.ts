import 'server-only'
import { randomUUID } from 'node:crypto'
import type { SessionUser } from '../auth/session'
import { db } from '../db/client'
import { deploymentIdsSchema, platformInputSchema } from './platform-input'

export type Platform = {
  id: string
  name: string
  issuer: string
  clientId: string
  authLoginUrl: string
  tokenUrl: string
  jwksUrl: string
  deploymentIds: string[]
  createdById: string
}

const select = {
  id: true,
  name: true,
  issuer: true,
  clientId: true,
  authLoginUrl: true,
  tokenUrl: true,
  jwksUrl: true,
  deploymentIds: true,
  createdById: true,
} as const

type Row = Omit<Platform, 'deploymentIds'> & { deploymentIds: string }

/** deploymentIds is JSON in the database; anything unreadable counts as no deployments (every launch refused). */
function toPlatform(row: Row): Platform {
  let ids: unknown
  try {
    ids = JSON.parse(row.deploymentIds)
  } catch {
    ids = []
  }
  return { ...row, deploymentIds: deploymentIdsSchema.catch([]).parse(ids) }
}

export async function listPlatforms(): Promise<Platform[]> {
  return (await db.ltiPlatform.findMany({ orderBy: { createdAt: 'asc' }, select })).map(toPlatform)
}

export async function getPlatform(id: string): Promise<Platform | null> {
  const row = await db.ltiPlatform.findUnique({ where: { id }, select })
  return row ? toPlatform(row) : null
}

/**
 * The registration a login initiation names: by issuer, and by client id when the LMS sends one (it must when
 * one issuer has several registrations here).
 */
export async function platformForLogin(
  issuer: string,
  clientId: string | undefined,
): Promise<{ ok: true; platform: Platform } | { ok: false; problem: string }> {
  const rows = await db.ltiPlatform.findMany({ where: { issuer, ...(clientId ? { clientId } : {}) }, select, take: 2 })
  const [first, second] = rows
  if (!first)
    return {
      ok: false,
      problem: `no LMS with issuer ${issuer}${clientId ? ` and client id ${clientId}` : ''} is registered on /admin/lti`,
    }
  if (second) return { ok: false, problem: `several registrations use issuer ${issuer}; the LMS must send client_id` }
  return { ok: true, platform: toPlatform(first) }
}

export type Outcome = { ok: true } | { ok: false; error: string }

export async function registerPlatform(actor: SessionUser, input: Record<string, string>): Promise<Outcome> {
  if (actor.role !== 'admin') return { ok: false, error: 'Only admins can register an LMS.' }
  const parsed = platformInputSchema.safeParse(input)
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'Check the fields.' }
  const { deploymentIds, ...fields } = parsed.data
  const taken = await db.ltiPlatform.findUnique({
    where: { issuer_clientId: { issuer: fields.issuer, clientId: fields.clientId } },
    select: { name: true },
  })
  if (taken) return { ok: false, error: `"${taken.name}" already uses this issuer and client id; remove it first.` }
  await db.ltiPlatform.create({
    data: { id: randomUUID(), ...fields, deploymentIds: JSON.stringify(deploymentIds), createdById: actor.id },
    select: { id: true },
  })
  return { ok: true }
}

/** Removes a registration: its pending logins, course links and grade links go with it; accounts and classes stay. */
export async function removePlatform(actor: SessionUser, id: string): Promise<Outcome> {
  if (actor.role !== 'admin') return { ok: false, error: 'Only admins can remove an LMS.' }
  const removed = await db.ltiPlatform.deleteMany({ where: { id } })
  return removed.count ? { ok: true } : { ok: false, error: 'That LMS is not registered (any more).' }
}
