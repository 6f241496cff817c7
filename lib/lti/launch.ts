import 'server-only'
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose'
import { z } from 'zod'
import { db } from '../db/client'
import { CLAIM, claimProblem, launchClaimsSchema, type LaunchClaims } from './claims'
import { getPlatform, type Platform } from './platforms'

/** Asymmetric algorithms only: a shared-secret (HS*) or unsigned token can never pass for the platform's. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384']

const formSchema = z.object({
  id_token: z.string({ error: 'the LMS posted no id_token' }).min(1).max(20_000),
  state: z.string({ error: 'the LMS posted no state' }).min(1).max(200),
})

export type VerifiedLaunch = { ok: true; platform: Platform; claims: LaunchClaims }
export type RefusedLaunch = { ok: false; status: number; message: string }

/** One key set per platform URL: jose caches the keys and refetches when a token names an unknown kid. */
const keySets = new Map<string, JWTVerifyGetKey>()
function keySet(jwksUrl: string): JWTVerifyGetKey {
  let set = keySets.get(jwksUrl)
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUrl), { timeoutDuration: 5000 })
    keySets.set(jwksUrl, set)
  }
  return set
}

/**
 * Verifies a resource-link launch (LTI Core 1.3 §5.1.3, Security Framework §5.1.3): the state is one this tool
 * issued and is consumed here, so a launch cannot be replayed; the id token is signed by a key in the platform's
 * JWKS, was issued by it for Cloudbook's client id and has not expired; its nonce is the one sent with that state;
 * the deployment is registered; message type and version are the ones Cloudbook implements.
 */
export async function verifyLaunch(form: Record<string, string>): Promise<VerifiedLaunch | RefusedLaunch> {
  const parsed = formSchema.safeParse(form)
  if (!parsed.success) return refuse(400, parsed.error.issues[0]?.message ?? 'the launch form is incomplete')
  const { id_token: idToken, state } = parsed.data

  // consume first: a second post of the same state finds nothing, whatever happens below
  const pending = await db.ltiLaunchState.findUnique({
    where: { state },
    select: { nonce: true, platformId: true, expiresAt: true },
  })
  const consumed = await db.ltiLaunchState.deleteMany({ where: { state } })
  if (!pending || consumed.count !== 1)
    return refuse(400, 'this launch was already used or never started here (unknown state); open the link again')
  if (pending.expiresAt < new Date()) return refuse(400, 'this launch took more than ten minutes; open the link again')
  const platform = await getPlatform(pending.platformId)
  if (!platform) return refuse(400, 'the LMS this launch started from is no longer registered')

  let payload: unknown
  try {
    ;({ payload } = await jwtVerify(idToken, keySet(platform.jwksUrl), {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: ALGORITHMS,
      requiredClaims: ['iat', 'exp', 'sub', 'nonce'],
      clockTolerance: 30,
    }))
  } catch (error) {
    return refuse(401, tokenProblem(error, platform))
  }
  const claims = launchClaimsSchema.safeParse(payload)
  if (!claims.success) return refuse(400, claimProblem(claims.error))
  const audiences = audienceOf(payload)
  if (audiences.length > 1 && azpOf(payload) !== platform.clientId)
    return refuse(401, 'the id token names several audiences but its azp is not Cloudbook')
  if (claims.data.nonce !== pending.nonce) return refuse(401, 'the id token carries a nonce Cloudbook did not issue')
  const deployment = claims.data[CLAIM.deploymentId]
  if (!platform.deploymentIds.includes(deployment))
    return refuse(403, `deployment ${deployment} is not registered for ${platform.name}`)
  return { ok: true, platform, claims: claims.data }
}

const field = z.object({ aud: z.union([z.string(), z.array(z.string())]).optional(), azp: z.string().optional() })
const audienceOf = (payload: unknown) => {
  const aud = field.catch({}).parse(payload).aud
  return aud === undefined ? [] : Array.isArray(aud) ? aud : [aud]
}
const azpOf = (payload: unknown) => field.catch({}).parse(payload).azp

function tokenProblem(error: unknown, platform: Platform): string {
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey)
    return `the id token's signature does not match ${platform.name}'s keys (${platform.jwksUrl})`
  if (error instanceof errors.JWTExpired) return 'the id token has expired; open the link again'
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return `the id token was issued for another tool, not client id ${platform.clientId}`
    if (error.claim === 'iss') return `the id token was not issued by ${platform.issuer}`
    return `the id token's "${error.claim}" claim is not acceptable (${error.reason})`
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the id token is not signed with an asymmetric key'
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JOSEError)
    return `the id token could not be verified with ${platform.name}'s keys (${error.message})`
  return `${platform.name}'s keys could not be fetched from ${platform.jwksUrl}`
}

const refuse = (status: number, problem: string): RefusedLaunch => ({
  ok: false,
  status,
  message:
    `Cloudbook did not accept this launch: ${problem}. ` +
    'If it keeps happening, ask your LMS administrator to check the Cloudbook registration (/admin/lti).',
})
