import 'server-only'
import { randomUUID } from 'node:crypto'
import { db } from '../db/client'
import { reportLtiScore } from '../lti/report'
import { resultSchema, type Result } from '../results'

export async function saveDraft(learnerId: string, labId: string, code: string) {
  await db.labDraft.upsert({
    where: { learnerId_labId: { learnerId, labId } },
    create: { learnerId, labId, code },
    update: { code },
    select: { updatedAt: true },
  })
}

export async function getDraft(learnerId: string, labId: string): Promise<string | null> {
  const draft = await db.labDraft.findUnique({
    where: { learnerId_labId: { learnerId, labId } },
    select: { code: true },
  })
  return draft?.code ?? null
}

export async function deleteDraft(learnerId: string, labId: string) {
  await db.labDraft.deleteMany({ where: { learnerId, labId } })
}

/** One press of Check: its results (each expectation) and a snapshot of the learner's code at that moment. */
export async function recordAttempt(learnerId: string, labId: string, result: Result, code?: string | null) {
  // results come from sandboxed code: only the results shape is ever stored
  const checked = resultSchema.parse(result)
  await db.labAttempt.create({
    data: {
      id: randomUUID(),
      learnerId,
      labId,
      status: checked.status,
      result: JSON.stringify(checked),
      code: code ?? null,
    },
    select: { id: true },
  })
  if (checked.status === 'pass')
    await reportLtiScore(learnerId, { kind: 'lab', id: labId, scoreGiven: 1, scoreMaximum: 1 })
}

export async function latestAttempt(learnerId: string, labId: string): Promise<(Result & { at: string }) | null> {
  const attempt = await db.labAttempt.findFirst({
    where: { learnerId, labId },
    orderBy: { createdAt: 'desc' },
    select: { result: true, createdAt: true },
  })
  if (!attempt) return null
  const parsed = resultSchema.safeParse(JSON.parse(attempt.result))
  return parsed.success ? { ...parsed.data, at: attempt.createdAt.toISOString() } : null
}

export async function hasPassed(learnerId: string, labId: string) {
  return (await db.labAttempt.count({ where: { learnerId, labId, status: 'pass' } })) > 0
}
