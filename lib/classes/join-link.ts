import 'server-only'
import { headers } from 'next/headers'
import { env } from '../env'

/** The address learners open to join: CLOUDBOOK_URL when set, else the host this page was served from. */
export async function joinLink(code: string): Promise<string> {
  const path = `/classes/join/${code}`
  if (env.CLOUDBOOK_URL) return new URL(path, env.CLOUDBOOK_URL).toString()
  const h = await headers()
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000'
  const proto = h.get('x-forwarded-proto') ?? 'http'
  return `${proto}://${host}${path}`
}
