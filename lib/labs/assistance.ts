import 'server-only'
import { db } from '../db/client'
import { readLab } from './lab-files'

/** After this many failed checks the solution is offered; before that it takes an explicit, recorded "show me". */
export const SOLUTION_OFFERED_AFTER = 3

export type SolutionState = 'locked' | 'offered' | 'revealed'

export type LabAssistance = {
  failedChecks: number
  /** Hints the learner has unlocked (one per failed check), as Markdown; the rest never leave the server. */
  hints: string[]
  totalHints: number
  solution: SolutionState
}

/** What help a learner has earned on a lab: decided here, on the server, from their recorded checks. */
export async function labAssistance(learnerId: string, labId: string): Promise<LabAssistance> {
  const lab = readLab(labId)
  const [failedChecks, reveal] = await Promise.all([
    db.labAttempt.count({ where: { learnerId, labId, status: 'fail' } }),
    db.labReveal.findUnique({ where: { learnerId_labId: { learnerId, labId } }, select: { reason: true } }),
  ])
  return {
    failedChecks,
    hints: lab.hints.slice(0, Math.min(failedChecks, lab.hints.length)),
    totalHints: lab.hints.length,
    solution: reveal ? 'revealed' : failedChecks >= SOLUTION_OFFERED_AFTER ? 'offered' : 'locked',
  }
}

/**
 * Records that the learner opened the solution ("asked" before it was offered, "attempts" after) and returns it.
 * The first reason is kept: an instructor wants to know whether the learner asked early.
 */
export async function revealSolution(learnerId: string, labId: string): Promise<string> {
  const { solution } = await labAssistance(learnerId, labId)
  await db.labReveal.upsert({
    where: { learnerId_labId: { learnerId, labId } },
    create: { learnerId, labId, reason: solution === 'offered' ? 'attempts' : 'asked' },
    update: {},
    select: { reason: true },
  })
  return readLab(labId).solution
}

/** The solution, only for a learner who has a recorded reveal. */
export async function revealedSolution(learnerId: string, labId: string): Promise<string | null> {
  const reveal = await db.labReveal.findUnique({
    where: { learnerId_labId: { learnerId, labId } },
    select: { reason: true },
  })
  return reveal ? readLab(labId).solution : null
}
