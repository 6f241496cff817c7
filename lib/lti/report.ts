import 'server-only'
import { db } from '../db/client'
import { targetKey } from './claims'
import { postScore } from './ags'
import { getPlatform } from './platforms'

export type LtiScore = { kind: 'lab' | 'quiz'; id: string; scoreGiven: number; scoreMaximum: number }

/**
 * Grade passback: when a learner who launched a lesson or lab from an LMS submits its quiz or passes the lab,
 * the score goes to the line item of every resource link they launched it from. One indexed query for everyone
 * else. Never throws: the learner's own result is already saved, and an LMS that is down must not undo it; a
 * failure is logged with what to fix.
 */
export async function reportLtiScore(learnerId: string, score: LtiScore): Promise<void> {
  const target = targetKey({ kind: score.kind === 'lab' ? 'lab' : 'lesson', id: score.id })
  if (!(score.scoreMaximum > 0) || !(score.scoreGiven >= 0)) return
  try {
    const launches = await db.ltiLaunch.findMany({
      where: {
        user: { learner: { is: { id: learnerId } } },
        resourceLink: { target, lineItemUrl: { not: null } },
      },
      select: { subject: true, resourceLink: { select: { platformId: true, lineItemUrl: true } } },
    })
    for (const launch of launches) {
      const { platformId, lineItemUrl } = launch.resourceLink
      const platform = await getPlatform(platformId)
      if (!platform || !lineItemUrl) continue
      try {
        await postScore(platform, lineItemUrl, {
          subject: launch.subject,
          scoreGiven: Math.min(score.scoreGiven, score.scoreMaximum),
          scoreMaximum: score.scoreMaximum,
        })
      } catch (error) {
        console.error(
          `[cloudbook] LTI score for ${target} was not sent to ${platform.name}: ${message(error)}. ` +
            'Check the platform registration on /admin/lti (token URL, client id) and that the LMS has the tool key.',
        )
      }
    }
  } catch (error) {
    console.error(`[cloudbook] LTI score for ${target} could not be looked up: ${message(error)}`)
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))
