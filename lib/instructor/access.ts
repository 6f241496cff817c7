import 'server-only'
import { cache } from 'react'
import { classForInstructor } from '../classes/classes'
import { db } from '../db/client'

/**
 * The class behind a dashboard request, looked up once per request however many parts of the page ask (React's
 * request cache; outside a request, e.g. in scripts and tests, it simply calls through). Null: not the actor's class.
 */
export const teachableClass = cache(classForInstructor)

/** Prisma filter for rows of learners who are members of the class (a relation filter, not a list of ids). */
export const ofClassMembers = (classId: string) => ({ learner: { user: { memberships: { some: { classId } } } } })

/** The learner ids of a class's members (members who have done nothing yet have none). */
export async function classLearnerIds(classId: string): Promise<string[]> {
  const rows = await db.learner.findMany({
    where: { user: { memberships: { some: { classId } } } },
    select: { id: true },
  })
  return rows.map((r) => r.id)
}

/**
 * Prisma filter for rows of these learners. A list of ids is about three times faster than the relation filter
 * (measured with 500 learners on both databases: the relation filter is re-evaluated per row); past a few thousand
 * ids the bound-parameter limits come near, and the relation filter takes over.
 */
export const ofLearners = (classId: string, learnerIds: string[]) =>
  learnerIds.length <= 5_000 ? { learnerId: { in: learnerIds } } : ofClassMembers(classId)
