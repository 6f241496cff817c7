import 'server-only'
import { randomUUID } from 'node:crypto'
import { newJoinCode } from '../classes/codes'
import { db } from '../db/client'
import { CLAIM, gradedLineItem, isTeachingRole, targetKey, type LaunchClaims, type LaunchTarget } from './claims'
import type { Platform } from './platforms'

/**
 * What a verified launch changes: the LMS course's class (made on its first launch) gains this person as a
 * member, or as an instructor when the LMS says they teach it (a learner account then becomes an instructor; an
 * admin stays admin); the resource link remembers its target and line item, and that this person launched it,
 * so scores for it can be posted for their LMS user id.
 */
export async function recordLaunch(
  platform: Platform,
  claims: LaunchClaims,
  userId: string,
  target: LaunchTarget | null,
): Promise<{ classId: string | null }> {
  const teaches = isTeachingRole(claims[CLAIM.roles])
  if (teaches) await db.user.updateMany({ where: { id: userId, role: 'learner' }, data: { role: 'instructor' } })

  const context = claims[CLAIM.context]
  let classId: string | null = null
  if (context) {
    classId = await classForContext(platform, context, teaches ? userId : null)
    if (teaches)
      await db.classInstructor.upsert({
        where: { classId_userId: { classId, userId } },
        create: { classId, userId },
        update: {},
        select: { classId: true },
      })
    else
      await db.classMember.upsert({
        where: { classId_userId: { classId, userId } },
        create: { classId, userId },
        update: {},
        select: { classId: true },
      })
  }

  const resourceLinkId = claims[CLAIM.resourceLink].id
  const fields = { target: target ? targetKey(target) : null, lineItemUrl: gradedLineItem(claims) }
  const link = await db.ltiResourceLink.upsert({
    where: { platformId_resourceLinkId: { platformId: platform.id, resourceLinkId } },
    create: { id: randomUUID(), platformId: platform.id, resourceLinkId, ...fields },
    update: fields,
    select: { id: true },
  })
  await db.ltiLaunch.upsert({
    where: { resourceLinkId_userId: { resourceLinkId: link.id, userId } },
    create: { resourceLinkId: link.id, userId, subject: claims.sub },
    update: { subject: claims.sub, launchedAt: new Date() },
    select: { userId: true },
  })
  return { classId }
}

/**
 * The class linked to an LMS course, made on the first launch from it: titled after the course, owned by the
 * instructor launching (or, when a learner comes first, by the admin who registered the LMS).
 */
async function classForContext(
  platform: Platform,
  context: NonNullable<LaunchClaims[typeof CLAIM.context]>,
  instructorId: string | null,
): Promise<string> {
  const key = { platformId_contextId: { platformId: platform.id, contextId: context.id } }
  const linked = await db.ltiContext.findUnique({ where: key, select: { classId: true } })
  if (linked) return linked.classId
  const owner =
    instructorId ??
    (await db.user.findUnique({ where: { id: platform.createdById }, select: { id: true } }))?.id ??
    (await db.user.findFirst({ where: { role: 'admin' }, orderBy: { createdAt: 'asc' }, select: { id: true } }))?.id
  if (!owner) throw new Error(`no instructor or admin account can own the class for ${platform.name}'s course`)
  const title = (context.title ?? context.label ?? `${platform.name} course`).slice(0, 120)
  const classId = randomUUID()
  await db.class.create({
    data: {
      id: classId,
      title: title.length >= 2 ? title : `${title} (${platform.name})`,
      joinCode: newJoinCode(),
      createdById: owner,
      instructors: { create: { userId: owner } },
    },
    select: { id: true },
  })
  try {
    await db.ltiContext.create({
      data: { platformId: platform.id, contextId: context.id, classId },
      select: { classId: true },
    })
    return classId
  } catch (error) {
    // a launch from the same course at the same moment linked its own class first: use that one
    await db.class.deleteMany({ where: { id: classId } })
    const raced = await db.ltiContext.findUnique({ where: key, select: { classId: true } })
    if (raced) return raced.classId
    throw error
  }
}
