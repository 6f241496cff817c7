import 'server-only'
import { env } from '../env'
import { crossOriginProblem } from './origin'

export const trustedOrigins = (): string[] => [
  ...env.CLOUDBOOK_TRUSTED_ORIGINS,
  ...(env.CLOUDBOOK_URL ? [env.CLOUDBOOK_URL] : []),
]

/**
 * The first line of every POST/PUT route: `const refused = refuseCrossOrigin(request); if (refused) return refused`.
 * Answers 403 with a message saying why, or null when the request may go on.
 */
export function refuseCrossOrigin(request: Request): Response | null {
  const problem = crossOriginProblem(request, trustedOrigins())
  return problem ? Response.json({ error: problem }, { status: 403 }) : null
}
