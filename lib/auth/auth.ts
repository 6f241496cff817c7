import 'server-only'
import { prismaAdapter } from '@better-auth/prisma-adapter'
import { betterAuth } from 'better-auth'
import { createAuthMiddleware } from 'better-auth/api'
import { genericOAuth } from 'better-auth/plugins/generic-oauth'
import { db, isPostgres } from '../db/client'
import { env } from '../env'
import { ltiSessions } from '../lti/session-plugin'
import { adoptAnonymousLearner } from './adopt'
import { LEARNER_COOKIE } from './cookie'
import { trustedOrigins } from './guard'
import { oidcProviders } from './oidc'
import { requestOrigins } from './origin'
import { authSecret } from './secret'

/** Paths after which a browser holds a new session, so its anonymous progress moves into the account. */
const SIGN_IN_PATHS = new Set(['/sign-up/email', '/sign-in/email', '/callback/:id'])

/**
 * Accounts (docs/decisions/0006-accounts.md): email and password, sessions in the database behind an httpOnly,
 * SameSite=Lax cookie, reset links printed to the server log (no mail is configured); optional OpenID Connect
 * sign-in and LTI launches (docs/decisions/0008-oidc-and-lti.md).
 */
export const auth = betterAuth({
  appName: 'Cloudbook',
  baseURL: env.CLOUDBOOK_URL,
  secret: authSecret(),
  // the same rule as refuseCrossOrigin (which runs first): this app's own host, CLOUDBOOK_URL, configured origins
  trustedOrigins: (request) => [...trustedOrigins(), ...requestOrigins(request)],
  database: prismaAdapter(db, { provider: isPostgres ? 'postgresql' : 'sqlite' }),
  telemetry: { enabled: false },
  // without CLOUDBOOK_URL the address comes from each request, which is what a self-hosted install wants
  logger: { level: 'error' },
  // rate limits are ours (lib/auth/rate-limit.ts), applied in app/api/auth before better-auth sees the request
  rateLimit: { enabled: false },
  session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
  user: {
    additionalFields: {
      role: { type: 'string', required: false, defaultValue: 'learner', input: false },
    },
  },
  emailAndPassword: {
    enabled: true,
    minPasswordLength: 10,
    maxPasswordLength: 200,
    autoSignIn: true,
    revokeSessionsOnPasswordReset: true,
    resetPasswordTokenExpiresIn: 60 * 60,
    sendResetPassword: async ({ user, url }) => {
      // No mail server is configured: whoever runs Cloudbook passes the one-time link on.
      console.info(`[cloudbook] password reset for ${user.email} (valid 1 hour, once): ${url}`)
    },
  },
  // sign-in through the school's OpenID Connect provider when configured (lib/auth/oidc.ts); LTI launches' sessions
  plugins: [genericOAuth({ config: oidcProviders(env) }), ltiSessions()],
  advanced: { cookiePrefix: 'cloudbook', useSecureCookies: env.CLOUDBOOK_URL?.startsWith('https:') },
  hooks: {
    after: createAuthMiddleware(async (ctx) => {
      const session = ctx.context.newSession
      if (!session || !SIGN_IN_PATHS.has(ctx.path)) return
      await adoptAnonymousLearner(session.user.id, ctx.getCookie(LEARNER_COOKIE))
      // the anonymous token now reaches nothing; forget it so a later sign-out starts afresh
      ctx.setCookie(LEARNER_COOKIE, '', { path: '/', maxAge: 0 })
    }),
  },
})
