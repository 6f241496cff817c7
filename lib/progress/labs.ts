import 'server-only'
import { randomUUID } from 'node:crypto'
import { db } from '../db/client'
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

export async function recordAttempt(learnerId: string, labId: string, result: Result) {
  await db.labAttempt.create({
    data: { id: randomUUID(), learnerId, labId, status: result.status, result: JSON.stringify(result) },
    select: { id: true },
  })
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
