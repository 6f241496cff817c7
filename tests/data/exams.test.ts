import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { learnerForToken } from '@/lib/auth/learner'
import { drawExam, gradeExam, publicExam } from '@/lib/content/exam'
import { partExamSource } from '@/lib/content/part-exams'
import { db } from '@/lib/db/client'
import { lastExamSubmission, nextExamAttempt, saveExamSubmission } from '@/lib/progress/exams'

const token = () => randomBytes(32).toString('base64url')
const secret = 'exam-data-test-secret-0123456789abcdef'

describe(`part exam submissions on ${process.env.CLOUDBOOK_TEST_DB}`, () => {
  it('stores authored option ids, and moves the next draw on after a submission', async () => {
    const learner = await learnerForToken(token())
    const source = partExamSource('storage')
    if (!source) throw new Error('the storage part has no lessons')
    expect(await nextExamAttempt(learner.id, 'storage')).toBe(1)
    expect(await lastExamSubmission(learner.id, 'storage')).toBeNull()

    const exam = drawExam(source.lessons, { learnerId: learner.id, part: 'storage', attempt: 1 })
    const shown = publicExam(exam, source.lessons, secret, learner.id)
    // answer every question with the first option the learner sees
    const answers = Object.fromEntries(shown.map((q) => [q.key, q.options.slice(0, 1).map((o) => o.id)]))
    const graded = gradeExam(exam, source.lessons, secret, learner.id, answers)
    if ('error' in graded) throw new Error(graded.error)
    const saved = await saveExamSubmission(learner.id, 'storage', 1, graded.answers, graded.result)
    expect(saved).toMatchObject({ attempt: 1, score: graded.result.score, total: exam.length })

    expect(await nextExamAttempt(learner.id, 'storage')).toBe(2)
    expect(await nextExamAttempt(learner.id, 'networking')).toBe(1)
    expect(await lastExamSubmission(learner.id, 'storage')).toMatchObject({ attempt: 1, total: exam.length })

    const row = await db.examSubmission.findFirst({ where: { learnerId: learner.id }, select: { answers: true } })
    const stored: unknown = JSON.parse(row?.answers ?? '{}')
    const authored = new Set(exam.flatMap((q) => q.question.options.map((o) => o.id)))
    expect(Object.keys(stored ?? {})).toHaveLength(exam.length)
    for (const ids of Object.values(stored ?? {})) {
      expect(Array.isArray(ids)).toBe(true)
      if (Array.isArray(ids)) for (const id of ids) expect(authored.has(String(id))).toBe(true)
    }
  })
})
