import 'server-only'
import { createHash } from 'node:crypto'
import type { BetterAuthPlugin } from 'better-auth'
import { APIError, createAuthEndpoint } from 'better-auth/api'
import { setSessionCookie } from 'better-auth/cookies'
import { z } from 'zod'

const ltiUserSchema = z.object({
  platformId: z.string().min(1).max(100),
  subject: z.string().min(1).max(255),
  name: z.string().min(1).max(100),
  email: z.email().max(320).nullable(),
})

/** The better-auth account that ties a Cloudbook user to one LMS's user id (LTI "sub"). */
export const ltiProviderId = (platformId: string) => `lti:${platformId}`

/** An address no one can sign up with or receive mail at (RFC 2606 .invalid), stable per LMS user. */
const placeholderEmail = (platformId: string, subject: string) =>
  `lti-${createHash('sha256').update(`${platformId}\n${subject}`).digest('hex').slice(0, 24)}@lti.invalid`

/**
 * Signs in the person an LMS launch vouched for (lib/lti/launch.ts verified it): the account linked to
 * (platform, sub), created on first launch, and a session cookie made by better-auth itself. Server-only: never
 * routed over HTTP, so only the launch route can call it. An LMS's email claim never links to an existing
 * account: a new account uses that address only when no one has it, else a placeholder.
 */
export const ltiSessions = () =>
  ({
    id: 'cloudbook-lti',
    endpoints: {
      signInLtiUser: createAuthEndpoint.serverOnly({ method: 'POST', body: ltiUserSchema }, async (ctx) => {
        const { platformId, subject, name, email } = ctx.body
        const adapter = ctx.context.internalAdapter
        const providerId = ltiProviderId(platformId)
        const linked = await adapter.findAccountByKey({ providerId, accountId: subject })
        let user = linked ? await adapter.findUserById(linked.userId) : null
        const created = !user
        if (!user) {
          const free = email && !(await adapter.findUserByEmail(email))
          user = await adapter.createUser(
            {
              email: free ? email : placeholderEmail(platformId, subject),
              name,
              emailVerified: false,
            },
            { method: 'lti' },
          )
          await adapter.linkAccount({ userId: user.id, providerId, accountId: subject })
        } else if (user.name !== name) {
          // the LMS is where names are kept up to date
          user = await adapter.updateUser(user.id, { name })
        }
        if (!user) throw new APIError('INTERNAL_SERVER_ERROR', { message: 'the LTI account could not be created' })
        const session = await adapter.createSession(user.id)
        await setSessionCookie(ctx, { session, user })
        return ctx.json({ userId: user.id, created })
      }),
    },
  }) satisfies BetterAuthPlugin
