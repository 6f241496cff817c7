import 'server-only'
import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { db } from '../db/client'
import { platformForLogin } from './platforms'

/** How long a login initiation waits for its launch. */
export const STATE_TTL_MS = 10 * 60 * 1000

/** Third-party initiated login (LTI Core 1.3 §5.1.1 / OIDC third-party initiated login): what the LMS sends. */
const loginSchema = z.object({
  iss: z.url({ error: 'the LMS did not send its issuer (iss)' }),
  login_hint: z.string({ error: 'the LMS did not send login_hint' }).min(1).max(2000),
  target_link_uri: z.url({ error: 'the LMS did not send target_link_uri' }).max(2000),
  lti_message_hint: z.string().max(4000).optional(),
  client_id: z.string().min(1).max(255).optional(),
  lti_deployment_id: z.string().min(1).max(255).optional(),
})

export type LoginResult = { ok: true; redirect: string } | { ok: false; status: number; message: string }

const random = () => randomBytes(32).toString('base64url')

/**
 * Answers a login initiation with the OIDC authentication request to the platform: a fresh state and nonce,
 * stored (both good once, for ten minutes) so the launch can be matched to it and cannot be replayed.
 */
export async function startLogin(params: Record<string, string>, launchUrl: string): Promise<LoginResult> {
  const parsed = loginSchema.safeParse(params)
  if (!parsed.success) return refuse(400, parsed.error.issues[0]?.message ?? 'the login request is incomplete')
  const login = parsed.data
  const found = await platformForLogin(login.iss, login.client_id)
  if (!found.ok) return refuse(400, found.problem)
  const { platform } = found
  if (login.lti_deployment_id && !platform.deploymentIds.includes(login.lti_deployment_id))
    return refuse(403, `deployment ${login.lti_deployment_id} is not among those registered for ${platform.name}`)

  const state = random()
  const nonce = random()
  await db.ltiLaunchState.deleteMany({ where: { expiresAt: { lt: new Date() } } })
  await db.ltiLaunchState.create({
    data: { state, nonce, platformId: platform.id, expiresAt: new Date(Date.now() + STATE_TTL_MS) },
    select: { state: true },
  })
  const request = new URL(platform.authLoginUrl)
  const query = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.clientId,
    redirect_uri: launchUrl,
    login_hint: login.login_hint,
    state,
    nonce,
    ...(login.lti_message_hint ? { lti_message_hint: login.lti_message_hint } : {}),
  }
  for (const [key, value] of Object.entries(query)) request.searchParams.set(key, value)
  return { ok: true, redirect: request.toString() }
}

const refuse = (status: number, problem: string): LoginResult => ({
  ok: false,
  status,
  message:
    `Cloudbook could not start this launch: ${problem}. ` +
    'Ask whoever set up the LMS link to check the platform registered on Cloudbook (/admin/lti).',
})
