import 'server-only'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { auth } from '../auth/auth'
import { getLessonFile } from '../content/lessons'
import { env } from '../env'
import { labsRoot } from '../labs/lab-files'
import { CLAIM, displayName, launchTarget, targetPath, type LaunchTarget } from './claims'
import { verifyLaunch } from './launch'
import { recordLaunch } from './provision'
import { cloudbookBase } from './tool-urls'

function exists(target: LaunchTarget): boolean {
  if (target.kind === 'lesson') return getLessonFile(target.id) !== undefined
  // the folder, not the whole labs index: one lab with a problem must not turn every lab launch away
  return existsSync(path.join(labsRoot, target.id, 'lab.mdx'))
}

export type AcceptedLaunch = { ok: true; location: string; cookies: string[] }

/**
 * A verified launch signs its user in (better-auth makes the session, lib/lti/session-plugin.ts), joins them to
 * the class of the LMS course and sends the browser to the lesson or lab the link names (else their progress).
 * The anonymous learner cookie is not adopted here: it is SameSite=Lax, so a cross-site launch never carries it.
 */
export async function acceptLaunch(
  request: Request,
  form: Record<string, string>,
): Promise<AcceptedLaunch | { ok: false; status: number; message: string }> {
  const verified = await verifyLaunch(form)
  if (!verified.ok) return verified
  const { platform, claims } = verified
  const { headers, response } = await auth.api.signInLtiUser({
    body: {
      platformId: platform.id,
      subject: claims.sub,
      name: displayName(claims),
      email: claims.email ?? null,
    },
    headers: request.headers,
    returnHeaders: true,
  })
  const target = launchTarget(claims, exists)
  await recordLaunch(platform, claims, response.userId, target)
  const base = cloudbookBase(env.CLOUDBOOK_URL, request.headers, request.url)
  const resourceLink = claims[CLAIM.resourceLink]
  console.info(
    `[cloudbook] LTI launch from ${platform.name}: link ${resourceLink.id} → ${targetPath(target)}` +
      (response.created ? ' (new account)' : ''),
  )
  return { ok: true, location: `${base}${targetPath(target)}`, cookies: headers.getSetCookie() }
}
