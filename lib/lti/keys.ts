import 'server-only'
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose'
import { z } from 'zod'
import { db } from '../db/client'

export const TOOL_KEY_ALG = 'RS256'
const KEY_ROW = 'current'

const jwkSchema = z.looseObject({ kty: z.literal('RSA'), n: z.string(), e: z.string() })
const privateJwkSchema = jwkSchema.extend({ d: z.string() })

export type ToolKey = { kid: string; privateKey: CryptoKey; publicJwk: JWK }

let cached: Promise<ToolKey> | null = null

/**
 * Cloudbook's LTI signing key, generated the first time it is needed and kept in the database, so every instance
 * and every restart signs with the key the platforms already fetched from /api/lti/jwks.
 */
export function toolKey(): Promise<ToolKey> {
  cached ??= loadOrCreate().catch((error: unknown) => {
    cached = null
    throw error
  })
  return cached
}

async function loadOrCreate(): Promise<ToolKey> {
  const stored = await read()
  if (stored) return stored
  const { publicKey, privateKey } = await generateKeyPair(TOOL_KEY_ALG, { modulusLength: 2048, extractable: true })
  const publicJwk = await exportJWK(publicKey)
  const kid = await calculateJwkThumbprint(publicJwk)
  try {
    await db.ltiToolKey.create({
      data: {
        id: KEY_ROW,
        kid,
        publicJwk: JSON.stringify(publicJwk),
        privateJwk: JSON.stringify(await exportJWK(privateKey)),
      },
      select: { id: true },
    })
  } catch (error) {
    // another process made the key first: use theirs
    const raced = await read()
    if (raced) return raced
    throw error
  }
  return (await read()) ?? Promise.reject(new Error('the LTI tool key could not be stored'))
}

async function read(): Promise<ToolKey | null> {
  const row = await db.ltiToolKey.findUnique({
    where: { id: KEY_ROW },
    select: { kid: true, publicJwk: true, privateJwk: true },
  })
  if (!row) return null
  const publicJwk = jwkSchema.parse(JSON.parse(row.publicJwk))
  const privateKey = await importJWK(privateJwkSchema.parse(JSON.parse(row.privateJwk)), TOOL_KEY_ALG)
  if (!(privateKey instanceof CryptoKey)) throw new Error('the stored LTI tool key is not an RSA private key')
  return { kid: row.kid, privateKey, publicJwk }
}

/** The public keyset platforms verify Cloudbook's client assertions with. */
export async function toolJwks(): Promise<{ keys: JWK[] }> {
  const { kid, publicJwk } = await toolKey()
  return { keys: [{ kty: publicJwk.kty, n: publicJwk.n, e: publicJwk.e, kid, alg: TOOL_KEY_ALG, use: 'sig' }] }
}
