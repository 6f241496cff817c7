import { z } from 'zod'

/** LTI 1.3 claim names (IMS LTI Core 1.3 §5, Assignment and Grade Services 2.0 §3.1). */
export const CLAIM = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  context: 'https://purl.imsglobal.org/spec/lti/claim/context',
  custom: 'https://purl.imsglobal.org/spec/lti/claim/custom',
  agsEndpoint: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
} as const

export const AGS_SCORE_SCOPE = 'https://purl.imsglobal.org/spec/lti-ags/scope/score'

/** Context roles that make someone a teacher of the linked class (full URIs; LTI 1.3 still allows short names). */
const TEACHING_ROLES = new Set([
  'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant',
  'Instructor',
])

export const isTeachingRole = (roles: readonly string[]) => roles.some((role) => TEACHING_ROLES.has(role))

const text = (max: number) => z.string().trim().min(1).max(max)

/** The claims of a resource-link launch Cloudbook acts on; the id token's signature, iss, aud, exp are jose's. */
export const launchClaimsSchema = z.object({
  sub: z
    .string({ error: 'the launch does not say who the user is (no "sub"); anonymous launches are not supported' })
    .min(1)
    .max(255),
  nonce: z.string({ error: 'the launch has no nonce' }).min(1).max(255),
  name: text(100).optional().catch(undefined),
  given_name: text(100).optional().catch(undefined),
  family_name: text(100).optional().catch(undefined),
  email: z.email().max(320).optional().catch(undefined),
  [CLAIM.messageType]: z.literal('LtiResourceLinkRequest', {
    error: 'only resource-link launches (LtiResourceLinkRequest) are supported',
  }),
  [CLAIM.version]: z.literal('1.3.0', { error: 'only LTI version 1.3.0 is supported' }),
  [CLAIM.deploymentId]: z.string({ error: 'the launch has no deployment id' }).min(1).max(255),
  [CLAIM.targetLinkUri]: z.url({ error: 'the launch has no target link URI' }),
  [CLAIM.resourceLink]: z.object(
    { id: z.string().min(1).max(255), title: text(200).optional().catch(undefined) },
    { error: 'the launch has no resource link' },
  ),
  [CLAIM.roles]: z.array(z.string(), { error: 'the launch has no roles claim' }),
  [CLAIM.context]: z
    .object({ id: z.string().min(1).max(255), label: text(120).optional(), title: text(120).optional() })
    .optional()
    .catch(undefined),
  [CLAIM.custom]: z.record(z.string(), z.unknown()).optional().catch(undefined),
  [CLAIM.agsEndpoint]: z
    .object({ scope: z.array(z.string()).default([]), lineitem: z.url().optional(), lineitems: z.url().optional() })
    .optional()
    .catch(undefined),
})
export type LaunchClaims = z.infer<typeof launchClaimsSchema>

/** What the roster shows: the LMS's name, else given + family name, else a placeholder. */
export function displayName(claims: Pick<LaunchClaims, 'name' | 'given_name' | 'family_name'>): string {
  if (claims.name) return claims.name
  const parts = [claims.given_name, claims.family_name].filter(Boolean)
  return parts.length ? parts.join(' ') : 'LMS learner'
}

export type LaunchTarget = { kind: 'lesson' | 'lab'; id: string }

/**
 * Where the launch goes: custom parameter `lesson=<section>` or `lab=<labId>` (set on the LMS link), else the
 * target link URI's /lessons/<section> or /labs/<labId>. Only lessons and labs that exist count.
 */
export function launchTarget(
  claims: Pick<LaunchClaims, typeof CLAIM.custom | typeof CLAIM.targetLinkUri>,
  exists: (target: LaunchTarget) => boolean,
): LaunchTarget | null {
  const custom = claims[CLAIM.custom] ?? {}
  const candidates: LaunchTarget[] = []
  if (typeof custom.lesson === 'string') candidates.push({ kind: 'lesson', id: custom.lesson.trim() })
  if (typeof custom.lab === 'string') candidates.push({ kind: 'lab', id: custom.lab.trim() })
  const path = /^\/(lessons|labs)\/([a-z0-9][a-z0-9-]*)\/?$/.exec(new URL(claims[CLAIM.targetLinkUri]).pathname)
  if (path?.[1] && path[2]) candidates.push({ kind: path[1] === 'labs' ? 'lab' : 'lesson', id: path[2] })
  return candidates.find((c) => /^[a-z0-9][a-z0-9-]*$/.test(c.id) && exists(c)) ?? null
}

export const targetKey = (target: LaunchTarget) => `${target.kind}:${target.id}`
export const targetPath = (target: LaunchTarget | null) =>
  target ? `/${target.kind === 'lab' ? 'labs' : 'lessons'}/${target.id}` : '/progress'

/** The line item's scores endpoint (AGS §3.4): "/scores" after the path, any query string kept. */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl)
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/scores`
  return url.toString()
}

/** A line item Cloudbook may post scores to, when the launch granted the score scope. */
export function gradedLineItem(claims: Pick<LaunchClaims, typeof CLAIM.agsEndpoint>): string | null {
  const ags = claims[CLAIM.agsEndpoint]
  return ags?.lineitem && ags.scope.includes(AGS_SCORE_SCOPE) ? ags.lineitem : null
}

/** The first problem zod found, as the end of a sentence a person can act on. */
export function claimProblem(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'the launch claims are not valid'
  const where = issue.path.map(String).join('.')
  return issue.message.startsWith('the launch') || issue.message.startsWith('only')
    ? issue.message
    : `claim ${where || '(root)'}: ${issue.message}`
}
