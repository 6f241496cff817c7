import 'server-only'
import { randomUUID } from 'node:crypto'
import { SignJWT } from 'jose'
import { z } from 'zod'
import { AGS_SCORE_SCOPE, scoresUrl } from './claims'
import { TOOL_KEY_ALG, toolKey } from './keys'
import type { Platform } from './platforms'

const TIMEOUT_MS = 5000

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'only bearer tokens are supported'),
  expires_in: z.coerce.number().int().positive().optional(),
})

/** Access tokens per platform, reused until a minute before they expire. */
const tokens = new Map<string, { token: string; expiresAt: number }>()

/**
 * An AGS access token (LTI Security Framework §4.1): the client_credentials grant, authenticated by a JWT client
 * assertion signed with Cloudbook's tool key, whose public half the platform reads from /api/lti/jwks.
 */
async function accessToken(platform: Platform): Promise<string> {
  const cached = tokens.get(platform.id)
  if (cached && cached.expiresAt > Date.now()) return cached.token
  const { kid, privateKey } = await toolKey()
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: TOOL_KEY_ALG, kid, typ: 'JWT' })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.tokenUrl)
    .setIssuedAt()
    .setExpirationTime('5m')
    .setJti(randomUUID())
    .sign(privateKey)
  const response = await fetch(platform.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope: AGS_SCORE_SCOPE,
    }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  if (!response.ok)
    throw new Error(`${platform.name}'s token endpoint answered ${response.status}: ${await snippet(response)}`)
  const parsed = tokenResponseSchema.safeParse(await response.json().catch(() => null))
  if (!parsed.success) throw new Error(`${platform.name}'s token endpoint sent no usable access token`)
  const lifetime = (parsed.data.expires_in ?? 300) * 1000
  tokens.set(platform.id, { token: parsed.data.access_token, expiresAt: Date.now() + lifetime - 60_000 })
  return parsed.data.access_token
}

export type Score = { subject: string; scoreGiven: number; scoreMaximum: number }

/**
 * Posts one score to a line item (AGS 2.0 §3.4) as completed and fully graded; the LMS keeps its own grade
 * policy (latest, highest). A refused token is fetched once more, in case the platform revoked the cached one.
 */
export async function postScore(platform: Platform, lineItemUrl: string, score: Score): Promise<void> {
  const body = JSON.stringify({
    userId: score.subject,
    scoreGiven: score.scoreGiven,
    scoreMaximum: score.scoreMaximum,
    activityProgress: 'Completed',
    gradingProgress: 'FullyGraded',
    timestamp: new Date().toISOString(),
  })
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(scoresUrl(lineItemUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await accessToken(platform)}`,
        'content-type': 'application/vnd.ims.lis.v1.score+json',
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    if (response.ok) return
    if (response.status === 401 && attempt === 0) {
      tokens.delete(platform.id)
      continue
    }
    throw new Error(`${platform.name} refused the score (${response.status}): ${await snippet(response)}`)
  }
}

const snippet = async (response: Response) => (await response.text().catch(() => '')).slice(0, 200)
