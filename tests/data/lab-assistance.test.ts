import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { learnerForToken } from '@/lib/auth/learner'
import { labAssistance, revealedSolution, revealSolution, SOLUTION_OFFERED_AFTER } from '@/lib/labs/assistance'
import { readLab } from '@/lib/labs/lab-files'
import { recordAttempt } from '@/lib/progress/labs'
import { lastRunCalls, recordRun } from '@/lib/progress/runs'
import type { Result } from '@/lib/results'

const LAB = 's3-versioning'
const fresh = () => learnerForToken(randomBytes(32).toString('base64url'))
const failed: Result = {
  status: 'fail',
  expectations: [{ name: 'Bucket versioning', status: 'fail', expected: 'Enabled', actual: 'Off', step: 2 }],
}

describe(`lab hints and solution gating on ${process.env.CLOUDBOOK_TEST_DB}`, () => {
  it('a new learner has no hints and a locked solution the server will not serve', async () => {
    const learner = await fresh()
    expect(await labAssistance(learner.id, LAB)).toMatchObject({ failedChecks: 0, hints: [], solution: 'locked' })
    expect(await revealedSolution(learner.id, LAB)).toBeNull()
  })

  it('unlocks one hint per failed check, in order, and offers the solution after several', async () => {
    const learner = await fresh()
    const hints = readLab(LAB).hints
    await recordAttempt(learner.id, LAB, failed)
    expect((await labAssistance(learner.id, LAB)).hints).toEqual(hints.slice(0, 1))
    // a passing check unlocks nothing
    await recordAttempt(learner.id, LAB, { status: 'pass', expectations: [] })
    expect((await labAssistance(learner.id, LAB)).hints).toHaveLength(1)
    for (let i = 1; i < SOLUTION_OFFERED_AFTER; i++) await recordAttempt(learner.id, LAB, failed)
    const after = await labAssistance(learner.id, LAB)
    expect(after.hints).toEqual(hints.slice(0, Math.min(SOLUTION_OFFERED_AFTER, hints.length)))
    expect(after.solution).toBe('offered')
    // offered is not served: the learner still opens it, and that is recorded
    expect(await revealedSolution(learner.id, LAB)).toBeNull()
    expect(await revealSolution(learner.id, LAB)).toBe(readLab(LAB).solution)
    expect((await labAssistance(learner.id, LAB)).solution).toBe('revealed')
  })

  it('an explicit "show me" before any check is recorded as asked, and only for that learner', async () => {
    const learner = await fresh()
    const other = await fresh()
    await revealSolution(learner.id, LAB)
    expect(await revealedSolution(learner.id, LAB)).toBe(readLab(LAB).solution)
    expect(await revealedSolution(other.id, LAB)).toBeNull()
    const { db } = await import('@/lib/db/client')
    const reveal = await db.labReveal.findUnique({
      where: { learnerId_labId: { learnerId: learner.id, labId: LAB } },
      select: { reason: true },
    })
    expect(reveal?.reason).toBe('asked')
  })

  it('keeps the code the learner had with every check', async () => {
    const learner = await fresh()
    await recordAttempt(learner.id, LAB, failed, 'console.log("draft at check time")')
    const { db } = await import('@/lib/db/client')
    const attempt = await db.labAttempt.findFirst({
      where: { learnerId: learner.id, labId: LAB },
      select: { code: true, result: true },
    })
    expect(attempt?.code).toBe('console.log("draft at check time")')
    expect(JSON.parse(attempt?.result ?? '{}').expectations[0]).toMatchObject({ name: 'Bucket versioning', step: 2 })
  })

  it('keeps every run with its code and hands the latest call timeline of a lab to its check', async () => {
    const learner = await fresh()
    expect(await lastRunCalls(learner.id, { lab: LAB })).toEqual([])
    const outcome = (operation: string) => ({
      result: { status: 'pass' as const, expectations: [] },
      durationMs: 12.3,
      stdout: '',
      stderr: '',
      calls: [{ service: 'S3', operation, durationMs: 3, ok: true }],
    })
    await recordRun(learner.id, { lab: LAB }, 'first()', outcome('CreateBucket'))
    await recordRun(learner.id, { lesson: 's3' }, 'cell()', outcome('ListBuckets'))
    await recordRun(learner.id, { lab: LAB }, 'second()', outcome('PutObject'))
    expect((await lastRunCalls(learner.id, { lab: LAB })).map((c) => c.operation)).toEqual(['PutObject'])
    expect((await lastRunCalls(learner.id, { lesson: 's3' })).map((c) => c.operation)).toEqual(['ListBuckets'])
  })
})
