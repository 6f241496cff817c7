import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { learnerForUser } from '@/lib/auth/learner'
import {
  addCoInstructor,
  classForInstructor,
  classesJoinedBy,
  classesTaughtBy,
  createClass,
  joinClass,
} from '@/lib/classes/classes'
import { listLessons } from '@/lib/content/lessons'
import { db } from '@/lib/db/client'
import { classProgress } from '@/lib/instructor/class-progress'
import { gradebookCsv } from '@/lib/instructor/gradebook'
import { cellFor } from '@/lib/instructor/grid'
import { recordAttempt } from '@/lib/progress/labs'
import { recordVisit } from '@/lib/progress/lessons'
import { submitQuiz } from '@/lib/progress/quiz'
import { getLessonFile } from '@/lib/content/lessons'
import { classQuizAnalysis } from '@/lib/instructor/class-quiz'
import { classStatements } from '@/lib/instructor/class-xapi'
import { makeUser } from './helpers'

async function newClass(title = 'AWS foundations') {
  const teacher = await makeUser('instructor', 'Grace Hopper')
  const created = await createClass(teacher, title)
  if (!created.ok) throw new Error(created.error)
  const found = await classForInstructor(teacher, created.value.id)
  if (!found) throw new Error('class not found')
  return { teacher, classId: created.value.id, code: found.joinCode }
}

describe(`classes on ${process.env.CLOUDBOOK_TEST_DB}`, () => {
  it('lets instructors create classes and nobody else', async () => {
    const learner = await makeUser('learner')
    expect(await createClass(learner, 'Mine')).toEqual({ ok: false, error: expect.stringMatching(/Only instructors/) })
    const { teacher, classId, code } = await newClass()
    expect(code).toMatch(/^[A-Z2-9]{8}$/)
    expect((await classesTaughtBy(teacher)).map((c) => c.id)).toEqual([classId])
    expect(await createClass(teacher, ' ')).toMatchObject({ ok: false })
  })

  it('shows an instructor only their own classes; an admin sees all', async () => {
    const mine = await newClass()
    const theirs = await newClass()
    expect((await classesTaughtBy(mine.teacher)).map((c) => c.id)).not.toContain(theirs.classId)
    expect(await classForInstructor(mine.teacher, theirs.classId)).toBeNull()
    expect(await classProgress(mine.teacher, theirs.classId)).toBeNull()
    const admin = await makeUser('admin')
    expect(await classForInstructor(admin, theirs.classId)).not.toBeNull()
    const learner = await makeUser('learner')
    expect(await classForInstructor(learner, mine.classId)).toBeNull()
    expect(await classesTaughtBy(learner)).toEqual([])
  })

  it('adds co-instructors who must be instructors already', async () => {
    const { teacher, classId } = await newClass()
    const colleague = await makeUser('instructor')
    const learner = await makeUser('learner')
    expect(await addCoInstructor(teacher, classId, learner.email)).toMatchObject({ ok: false })
    expect(await addCoInstructor(teacher, classId, 'nobody@example.test')).toMatchObject({ ok: false })
    expect(await addCoInstructor(colleague, classId, colleague.email)).toMatchObject({ ok: false })
    expect(await addCoInstructor(teacher, classId, colleague.email.toUpperCase())).toEqual({ ok: true, value: null })
    expect((await classesTaughtBy(colleague)).map((c) => c.id)).toEqual([classId])
  })

  it('lets learners join with the code as typed, once', async () => {
    const { classId, code } = await newClass('Cloud 101')
    const learner = await makeUser('learner')
    expect(await joinClass(learner, 'NOPE')).toMatchObject({ ok: false })
    expect(await joinClass(learner, `${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`)).toEqual({
      ok: true,
      value: { id: classId, title: 'Cloud 101' },
    })
    expect(await joinClass(learner, code)).toMatchObject({ ok: true })
    expect((await classesJoinedBy(learner)).map((c) => c.id)).toEqual([classId])
  })

  it('builds the roster × lessons matrix and a gradebook whose rows match it', async () => {
    const { teacher, classId, code } = await newClass()
    const ada = await makeUser('learner', 'Ada')
    const bob = await makeUser('learner', '<img src=x onerror=alert(1)>')
    await joinClass(ada, code)
    await joinClass(bob, code)
    const [first, second] = listLessons()
    if (!first || !second) throw new Error('needs two lessons')
    const learner = await learnerForUser(ada.id)
    await recordVisit(learner.id, first.section, 50)
    await recordVisit(learner.id, second.section, 20)
    for (const score of [2, 4])
      await db.quizSubmission.create({
        data: { id: randomUUID(), learnerId: learner.id, section: first.section, answers: '{}', score, total: 4 },
        select: { id: true },
      })
    await recordAttempt(learner.id, 'no-such-lab', { status: 'pass', expectations: [] })

    const progress = await classProgress(teacher, classId)
    if (!progress) throw new Error('no progress')
    expect(progress.roster.map((r) => r.name)).toEqual(['<img src=x onerror=alert(1)>', 'Ada'])
    expect(cellFor(progress.grid, learner.id, first.section)).toMatchObject({
      status: 'completed',
      bestScore: 4,
      quizAttempts: 2,
    })
    expect(cellFor(progress.grid, learner.id, second.section).status).toBe('in-progress')
    const bobRow = progress.roster.find((r) => r.userId === bob.id)
    expect(cellFor(progress.grid, bobRow?.learnerId ?? null, first.section).status).toBe('not-started')

    const lines = gradebookCsv(progress).trim().split('\r\n')
    expect(lines).toHaveLength(1 + 2 * progress.lessons.length)
    expect(lines).toContain(
      `Ada,${ada.email},${first.section},${first.title},completed,4,4,2,0,${progress.lessons[0]?.labs}`,
    )
  })

  it('analyses a quiz over the class: first submission per learner, only this class', async () => {
    const { teacher, classId, code } = await newClass()
    const section = listLessons()[0]?.section ?? ''
    const quiz = getLessonFile(section)?.quiz
    if (!quiz) throw new Error('needs a quiz')
    const right = Object.fromEntries(quiz.questions.map((q) => [q.id, q.correct]))
    const wrong = Object.fromEntries(
      quiz.questions.map((q) => [q.id, [q.options.find((o) => !q.correct.includes(o.id))?.id ?? '']]),
    )
    for (const answers of [right, wrong]) {
      const user = await makeUser('learner')
      await joinClass(user, code)
      const learner = await learnerForUser(user.id)
      await submitQuiz(learner.id, section, quiz, answers, null)
      await submitQuiz(learner.id, section, quiz, right, null) // a retry does not count
    }
    const outsiderUser = await makeUser('learner')
    const outsider = await learnerForUser(outsiderUser.id)
    await submitQuiz(outsider.id, section, quiz, wrong, null)

    const analysis = await classQuizAnalysis(teacher, classId, section)
    expect(analysis?.learners).toBe(2)
    expect(analysis?.items[0]).toMatchObject({ answered: 2, percentCorrect: 50, topWrongOption: { count: 1 } })
    expect(await classQuizAnalysis(await makeUser('instructor'), classId, section)).toBeNull()
    expect(await classQuizAnalysis(teacher, classId, 'no-such-lesson')).toBeNull()

    const statements = (await classStatements(teacher, classId, 'https://cloudbook.example')) ?? []
    const verbs = statements.map((s) => s.verb.display['en-US'])
    expect(verbs.filter((v) => v === 'passed' || v === 'failed')).toHaveLength(4) // two quiz submissions each
    expect(verbs).toContain('answered')
    expect(statements.some((s) => s.actor.mbox === `mailto:${outsiderUser.email}`)).toBe(false)
    expect(await classStatements(await makeUser('instructor'), classId, 'https://x.example')).toBeNull()
  })
})
