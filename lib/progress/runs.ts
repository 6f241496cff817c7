import 'server-only'
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { db } from '../db/client'
import { callSchema } from '../runner/protocol'
import type { AwsCall } from '../results'
import type { RunOutcome } from '../runner/run'

import type { RunScope } from '../runner/request'

export function scopeKey(scope: RunScope): string {
  return 'lab' in scope ? `lab:${scope.lab}` : `lesson:${scope.lesson}`
}

const callsSchema = z.array(callSchema)

/** Keeps every run with a snapshot of its code: the learner's history, the instructor's timeline, check({ calls }). */
export async function recordRun(learnerId: string, scope: RunScope, code: string, outcome: RunOutcome) {
  await db.codeRun.create({
    data: {
      id: randomUUID(),
      learnerId,
      scope: scopeKey(scope),
      code,
      status: outcome.result.status,
      message: outcome.result.message?.slice(0, 2000) ?? null,
      calls: JSON.stringify(callsSchema.parse(outcome.calls.slice(0, 500))),
      durationMs: Math.round(outcome.durationMs),
    },
    select: { id: true },
  })
}

/** The call timeline of the learner's latest run in this scope (empty when they have not run anything there). */
export async function lastRunCalls(learnerId: string, scope: RunScope): Promise<AwsCall[]> {
  const run = await db.codeRun.findFirst({
    where: { learnerId, scope: scopeKey(scope) },
    orderBy: { createdAt: 'desc' },
    select: { calls: true },
  })
  if (!run) return []
  const parsed = callsSchema.safeParse(JSON.parse(run.calls))
  return parsed.success ? parsed.data : []
}
