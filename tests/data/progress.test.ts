import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { learnerForToken } from '@/lib/auth/learner'
import type { Quiz } from '@/lib/content/schema'
import { databaseUrl } from '@/lib/db/client'
import { deleteDraft, getDraft, hasPassed, latestAttempt, recordAttempt, saveDraft } from '@/lib/progress/labs'
import { courseProgress, lastVisited, recordVisit } from '@/lib/progress/lessons'
import { lastQuizAttempt, submitQuiz } from '@/lib/progress/quiz'

const token = () => randomBytes(32).toString('base64url')
const tf = [
  { id: 'true', text: 'True' },
  { id: 'false', text: 'False' },
]
const quiz: Quiz = {
  questions: ['a', 'b', 'c', 'd'].map((id) => ({
    id,
    type: 'true-false',
    prompt: `Is ${id} true or not?`,
    options: tf,
    correct: ['true'],
    explanation: 'Every statement here is true.',
  })),
}

describe(`progress data on ${process.env.CLOUDBOOK_TEST_DB}`, () => {
  it('runs against the database this project asked for', () => {
    expect(databaseUrl.startsWith(process.env.CLOUDBOOK_TEST_DB === 'postgres' ? 'postgresql://' : 'file:')).toBe(true)
  })

  it('creates one learner per token, with an emulator account of its own', async () => {
    const t = token()
    const first = await learnerForToken(t)
    const again = await learnerForToken(t)
    const other = await learnerForToken(token())
    expect(again).toEqual(first)
    expect(first.accountId).toMatch(/^\d{12}$/)
    expect(other.id).not.toBe(first.id)
    expect(other.accountId).not.toBe(first.accountId)
  })

  it('keeps a single learner under concurrent first requests', async () => {
    const t = token()
    const learners = await Promise.all([1, 2, 3, 4].map(() => learnerForToken(t)))
    expect(new Set(learners.map((l) => l.id)).size).toBe(1)
  })

  it('stores quiz submissions and returns the latest on return', async () => {
    const learner = await learnerForToken(token())
    expect(await lastQuizAttempt(learner.id, 's3', quiz)).toBeNull()
    await submitQuiz(learner.id, 's3', quiz, { a: ['true'], b: ['false'] }, 12_000)
    await new Promise((r) => setTimeout(r, 5))
    const second = await submitQuiz(
      learner.id,
      's3',
      quiz,
      { a: ['true'], b: ['true'], c: ['true'], d: ['true'] },
      9_000,
    )
    expect(second).toMatchObject({ score: 4, total: 4, durationMs: 9_000 })
    const last = await lastQuizAttempt(learner.id, 's3', quiz)
    expect(last).toMatchObject({ score: 4, total: 4, durationMs: 9_000 })
    expect(last?.questions[0]).toMatchObject({ chosen: ['true'], correct: true })
  })

  it('autosaves drafts and records check attempts', async () => {
    const learner = await learnerForToken(token())
    expect(await getDraft(learner.id, 's3-versioning')).toBeNull()
    await saveDraft(learner.id, 's3-versioning', 'one')
    await saveDraft(learner.id, 's3-versioning', 'two')
    expect(await getDraft(learner.id, 's3-versioning')).toBe('two')
    await deleteDraft(learner.id, 's3-versioning')
    expect(await getDraft(learner.id, 's3-versioning')).toBeNull()

    await recordAttempt(learner.id, 's3-versioning', {
      status: 'fail',
      expectations: [{ name: 'Bucket versioning', status: 'fail', expected: 'Enabled', actual: 'Suspended' }],
    })
    expect(await hasPassed(learner.id, 's3-versioning')).toBe(false)
    await new Promise((r) => setTimeout(r, 5))
    await recordAttempt(learner.id, 's3-versioning', { status: 'pass', expectations: [] })
    expect(await hasPassed(learner.id, 's3-versioning')).toBe(true)
    expect(await latestAttempt(learner.id, 's3-versioning')).toMatchObject({ status: 'pass' })
  })

  it('remembers the last lesson read, keeps the furthest reading point, and completes lessons by quiz', async () => {
    const learner = await learnerForToken(token())
    expect(await lastVisited(learner.id)).toBeNull()
    await recordVisit(learner.id, 's3', 40)
    await new Promise((r) => setTimeout(r, 5))
    await recordVisit(learner.id, 'sqs', 10)
    await new Promise((r) => setTimeout(r, 5))
    await recordVisit(learner.id, 's3', 20)
    expect(await lastVisited(learner.id)).toMatchObject({ section: 's3', readPercent: 40 })

    await submitQuiz(learner.id, 'sqs', quiz, { a: ['true'] }, null)
    await submitQuiz(learner.id, 's3', quiz, { a: ['true'], b: ['true'], c: ['true'] }, null)
    const progress = await courseProgress(learner.id)
    expect(progress.get('s3')).toEqual({ readPercent: 40, bestScore: 3, total: 4, complete: true })
    expect(progress.get('sqs')).toEqual({ readPercent: 10, bestScore: 1, total: 4, complete: false })
    expect(progress.has('ec2')).toBe(false)
  })
})
