import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { learnerForUser } from '@/lib/auth/learner'
import type { SessionUser } from '@/lib/auth/session'
import { classForInstructor, createClass, joinClass } from '@/lib/classes/classes'
import { listLessons } from '@/lib/content/lessons'
import { db } from '@/lib/db/client'
import { classLabStuckPoints } from '@/lib/instructor/class-labs'
import { classProgress, PAGE_SIZE } from '@/lib/instructor/class-progress'
import { classStuckNow } from '@/lib/instructor/class-stuck'
import { classDashboard } from '@/lib/instructor/dashboard'
import { cellFor } from '@/lib/instructor/grid'
import { learnerTimeline } from '@/lib/instructor/learner-timeline'
import { recordAttempt, saveDraft } from '@/lib/progress/labs'
import type { Result } from '@/lib/results'
import { makeUser } from './helpers'

const MINUTE = 60_000
const failing = (name: string, actual: string): Result => ({
  status: 'fail',
  expectations: [
    { name: 'Bucket exists', status: 'pass' },
    { name, status: 'fail', expected: 'Enabled', actual },
  ],
})

async function classWith(names: string[]) {
  const teacher = await makeUser('instructor', 'Grace Hopper')
  const created = await createClass(teacher, 'Dashboard class')
  if (!created.ok) throw new Error(created.error)
  const found = await classForInstructor(teacher, created.value.id)
  if (!found) throw new Error('class not found')
  const members: { user: SessionUser; learnerId: string }[] = []
  for (const name of names) {
    const user = await makeUser('learner', name)
    await joinClass(user, found.joinCode)
    members.push({ user, learnerId: (await learnerForUser(user.id)).id })
  }
  return { teacher, classId: found.id, members }
}

const run = (learnerId: string, scope: string, at: Date, status = 'fail') =>
  db.codeRun.create({
    data: {
      id: randomUUID(),
      learnerId,
      scope,
      code: `// ${scope}\nconsole.log("attempt")`,
      status,
      message: status === 'pass' ? null : 'AccessDenied',
      calls: JSON.stringify([{ service: 'S3', operation: 'PutBucketVersioning', durationMs: 4, ok: false }]),
      durationMs: 700,
      createdAt: at,
    },
    select: { id: true },
  })

describe(`instructor dashboard data on ${process.env.CLOUDBOOK_TEST_DB}`, () => {
  it('finds who is stuck now, says why, and shows nobody to another instructor', async () => {
    const { teacher, classId, members } = await classWith(['Ada', 'Bob', 'Cy'])
    const [ada, bob, cy] = members
    if (!ada || !bob || !cy) throw new Error('fixtures')
    // Ada: three failing checks in the last minutes; Bob: failing then passing; Cy: 40 minutes of failing runs
    for (let i = 0; i < 3; i++) await recordAttempt(ada.learnerId, 's3-versioning', failing('Versioning', 'Suspended'))
    await recordAttempt(bob.learnerId, 's3-versioning', failing('Versioning', 'Suspended'))
    await recordAttempt(bob.learnerId, 's3-versioning', { status: 'pass', expectations: [] })
    const now = new Date()
    for (const minutes of [40, 30, 20, 10, 1])
      await run(cy.learnerId, 'lab:s3-versioning', new Date(now.getTime() - minutes * MINUTE))

    const stuck = (await classStuckNow(teacher, classId, new Date(now.getTime() + 1000))) ?? []
    expect(stuck.map((s) => s.name).sort()).toEqual(['Ada', 'Cy'])
    const adaRow = stuck.find((s) => s.name === 'Ada')
    expect(adaRow).toMatchObject({ step: 'lab:s3-versioning', stepHref: '/labs/s3-versioning' })
    expect(adaRow?.why[0]).toMatch(
      /^3 failing checks on lab “.+” in the last 30 min; failing most: “Versioning” \(expected Enabled, got Suspended\)$/,
    )
    expect(stuck.find((s) => s.name === 'Cy')?.why).toEqual([
      expect.stringMatching(/^40 min on lab “.+” without passing its check \(5 runs\)$/),
    ])
    expect(await classStuckNow(await makeUser('instructor'), classId)).toBeNull()
    // an hour later everyone has gone quiet: nobody is stuck "now"
    expect(await classStuckNow(teacher, classId, new Date(now.getTime() + 60 * MINUTE))).toEqual([])
  })

  it('ranks lab stuck points from the class’s checks only', async () => {
    const { teacher, classId, members } = await classWith(['Ada', 'Bob'])
    const [ada, bob] = members
    if (!ada || !bob) throw new Error('fixtures')
    await recordAttempt(ada.learnerId, 's3-versioning', failing('Versioning', 'Suspended'))
    await recordAttempt(bob.learnerId, 's3-versioning', failing('Versioning', 'missing'))
    await recordAttempt(bob.learnerId, 's3-versioning', {
      status: 'fail',
      expectations: [
        { name: 'Versioning', status: 'pass' }, // fixed
        { name: 'Lifecycle rule', status: 'fail', expected: '1 rule', actual: 'none' },
      ],
    })
    const outsider = await learnerForUser((await makeUser('learner')).id)
    await recordAttempt(outsider.id, 's3-versioning', failing('Outsider only', 'x'))

    const labs = await classLabStuckPoints(teacher, classId)
    const lab = labs?.labs.find((l) => l.labId === 's3-versioning')
    expect(lab).toMatchObject({ checks: 3, learners: 2, learnersPassed: 0 })
    expect(lab?.expectations.map((e) => [e.name, e.learnersFailing, e.learnersFixed])).toEqual([
      ['Versioning', 2, 1],
      ['Lifecycle rule', 1, 0],
    ])
    expect(await classLabStuckPoints(await makeUser('instructor'), classId)).toBeNull()
  })

  it("shows a member's timeline and last lab code to the class's instructor only", async () => {
    const { teacher, classId, members } = await classWith(['Ada'])
    const [ada] = members
    if (!ada) throw new Error('fixtures')
    await saveDraft(ada.learnerId, 's3-versioning', 'const draft = "<script>alert(1)</script>"')
    await run(ada.learnerId, 'lab:s3-versioning', new Date(Date.now() - 5 * MINUTE))
    await recordAttempt(ada.learnerId, 's3-versioning', failing('Versioning', 'Suspended'))

    const timeline = await learnerTimeline(teacher, classId, ada.user.id)
    expect(timeline?.learner).toEqual({ userId: ada.user.id, name: 'Ada', email: ada.user.email })
    expect(timeline?.entries.map((e) => e.kind)).toEqual(['check', 'run'])
    expect(timeline?.entries[0]).toMatchObject({ expectations: [{ name: 'Bucket exists' }, { name: 'Versioning' }] })
    expect(timeline?.entries[1]).toMatchObject({ code: expect.stringContaining('console.log'), calls: [{ ok: false }] })
    expect(timeline?.labs).toEqual([
      {
        labId: 's3-versioning',
        title: expect.any(String),
        passed: false,
        draft: { code: 'const draft = "<script>alert(1)</script>"', updatedAt: expect.any(Date) },
        lastRun: { code: expect.stringContaining('lab:s3-versioning'), status: 'fail', at: expect.any(Date) },
      },
    ])
    const outsider = await makeUser('learner')
    expect(await learnerTimeline(teacher, classId, outsider.id)).toBeNull()
    expect(await learnerTimeline(await makeUser('instructor'), classId, ada.user.id)).toBeNull()
  })

  it('pages the matrix and aggregates the class charts in the database', async () => {
    const { teacher, classId, members } = await classWith(['Ada', 'Bob'])
    const [ada, bob] = members
    if (!ada || !bob) throw new Error('fixtures')
    const [first, second] = listLessons()
    if (!first || !second) throw new Error('needs two lessons')
    // more learners than a page, added straight to the tables (accounts without passwords)
    for (let i = 0; i < PAGE_SIZE; i++) {
      const userId = randomUUID()
      await db.user.create({
        data: { id: userId, name: `Zed ${String(i).padStart(2, '0')}`, email: `${userId}@x.test` },
        select: { id: true },
      })
      await db.classMember.create({ data: { classId, userId }, select: { classId: true } })
    }
    const submit = (learnerId: string, section: string, score: number, total: number) =>
      db.quizSubmission.create({
        data: { id: randomUUID(), learnerId, section, answers: '{}', score, total },
        select: { id: true },
      })
    await submit(ada.learnerId, first.section, 2, 6)
    await submit(ada.learnerId, first.section, 6, 6) // best 100 %: completed
    await submit(bob.learnerId, first.section, 4, 6) // 66 %: not completed
    await submit(bob.learnerId, second.section, 0, 4)
    await db.lessonVisit.create({
      data: { learnerId: bob.learnerId, section: second.section, readPercent: 30 },
      select: { section: true },
    })

    const dashboard = await classDashboard(teacher, classId, 1)
    expect(dashboard?.progress).toMatchObject({ learners: PAGE_SIZE + 2, page: 1, pages: 2 })
    expect(dashboard?.progress.roster.map((r) => r.name).slice(0, 2)).toEqual(['Ada', 'Bob'])
    expect(dashboard?.progress.roster).toHaveLength(PAGE_SIZE)
    expect(cellFor(dashboard?.progress.grid ?? new Map(), ada.learnerId, first.section)).toMatchObject({
      status: 'completed',
      bestScore: 6,
      quizAttempts: 2,
    })
    expect(dashboard?.bars.find((b) => b.section === first.section)).toEqual({
      section: first.section,
      title: first.title,
      started: 2,
      quizTaken: 2,
      completed: 1,
    })
    expect(dashboard?.bars.find((b) => b.section === second.section)).toMatchObject({ started: 1, completed: 0 })
    expect(dashboard?.scores.map((b) => b.learners)).toEqual([1, 0, 0, 0, 0, 0, 1, 0, 0, 1])

    const lastPage = await classProgress(teacher, classId, 99)
    expect(lastPage).toMatchObject({ page: 2, pages: 2 })
    expect(lastPage?.roster.map((r) => r.name)).toEqual([`Zed ${PAGE_SIZE - 2}`, `Zed ${PAGE_SIZE - 1}`])
    expect((await classProgress(teacher, classId))?.roster).toHaveLength(PAGE_SIZE + 2)
    expect(await classDashboard(await makeUser('instructor'), classId)).toBeNull()
  })
})
