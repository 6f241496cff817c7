import 'server-only'
import type { SessionUser } from '../auth/session'
import { db } from '../db/client'
import { listLabIds, readLab } from '../labs/lab-files'
import { classLearnerIds, ofLearners, teachableClass } from './access'
import { labStuckPoints, type LabStuckPoints } from './stuck-points'

export type ClassLabs = {
  classId: string
  title: string
  labs: (LabStuckPoints & { title: string; steps: { number: number; title: string }[] })[]
}

/** Lab stuck points over the class's checks (every LabAttempt of its members), or null: not the actor's class. */
export async function classLabStuckPoints(actor: SessionUser, classId: string): Promise<ClassLabs | null> {
  const found = await teachableClass(actor, classId)
  if (!found) return null
  const attempts = await db.labAttempt.findMany({
    where: ofLearners(classId, await classLearnerIds(classId)),
    orderBy: { createdAt: 'asc' },
    select: { learnerId: true, labId: true, result: true },
  })
  const known = new Set(listLabIds())
  return {
    classId: found.id,
    title: found.title,
    labs: labStuckPoints(attempts).map((lab) => {
      const files = known.has(lab.labId) ? readLab(lab.labId) : null
      return { ...lab, title: files?.meta.title ?? lab.labId, steps: files?.steps ?? [] }
    }),
  }
}
