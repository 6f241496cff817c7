import 'server-only'
import { randomUUID } from 'node:crypto'
import { ensureAccountWithRole } from '../admin/users'
import { newAccountId } from '../emulator/credentials'
import { createClass, classForInstructor } from '../classes/classes'
import { getLessonFile, listLessons } from '../content/lessons'
import { gradeQuiz, type Answers } from '../content/grade-quiz'
import { db } from '../db/client'
import { listLabIds, readLab } from '../labs/lab-files'
import { toRole } from '../auth/roles'

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret', 'Dennis', 'Barbara', 'Ken', 'Frances']
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Hamilton', 'Ritchie', 'Liskov', 'Thompson']

/** A small deterministic generator (mulberry32), so the demo class looks the same every time. */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A demo class: an instructor (created with a printed password if missing), and `learners` accounts that have read,
 * answered quizzes and passed labs at different paces, spread over the last two weeks. Learner accounts have no
 * password (they exist to fill the dashboard).
 */
export async function seedDemoClass(instructorEmail: string, learners = 30) {
  const teacherAccount = await ensureAccountWithRole(instructorEmail, 'instructor')
  const teacher = await db.user.findUniqueOrThrow({
    where: { email: instructorEmail.trim().toLowerCase() },
    select: { id: true, email: true, name: true, role: true },
  })
  const actor = { ...teacher, role: toRole(teacher.role) }
  const created = await createClass(actor, `Demo class ${new Date().toISOString().slice(0, 10)}`)
  if (!created.ok) throw new Error(created.error)
  const found = await classForInstructor(actor, created.value.id)
  const lessons = listLessons()
  const labs = listLabIds().map((id) => ({ id, section: readLab(id).meta.section, steps: readLab(id).steps }))
  const rand = random(42)
  const now = Date.now()
  const day = 86_400_000

  for (let i = 0; i < learners; i++) {
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]} ${i + 1}`
    const userId = randomUUID()
    const learnerId = randomUUID()
    await db.user.create({
      data: { id: userId, name, email: `demo-${created.value.id.slice(0, 8)}-${i + 1}@cloudbook.local` },
      select: { id: true },
    })
    await db.learner.create({ data: { id: learnerId, userId, accountId: newAccountId() }, select: { id: true } })
    await db.classMember.create({ data: { classId: created.value.id, userId }, select: { classId: true } })
    const ability = 0.35 + rand() * 0.6 // chance of answering a question right
    const reach = Math.floor(rand() * Math.min(lessons.length, 25)) // lessons started, in course order
    for (const [index, lesson] of lessons.slice(0, reach + 1).entries()) {
      const at = new Date(now - 14 * day + (index / (reach + 1)) * 13 * day + rand() * day)
      const finished = index < reach
      await db.lessonVisit.create({
        data: {
          learnerId,
          section: lesson.section,
          readPercent: finished ? 100 : Math.round(rand() * 90) + 5,
          lastVisitedAt: at,
        },
        select: { section: true },
      })
      const quiz = getLessonFile(lesson.section)?.quiz
      if (!finished || !quiz) continue
      for (let attempt = 0; attempt < (rand() < 0.3 ? 2 : 1); attempt++) {
        const answers: Answers = {}
        for (const q of quiz.questions) {
          const wrong = q.options.filter((o) => !q.correct.includes(o.id))
          const pick =
            rand() < ability + attempt * 0.2 || !wrong.length
              ? q.correct
              : [wrong[Math.floor(rand() * wrong.length)]?.id ?? '']
          answers[q.id] = pick
        }
        const graded = gradeQuiz(quiz, answers)
        await db.quizSubmission.create({
          data: {
            id: randomUUID(),
            learnerId,
            section: lesson.section,
            answers: JSON.stringify(answers),
            score: graded.score,
            total: graded.total,
            durationMs: Math.round(60_000 + rand() * 240_000),
            createdAt: new Date(at.getTime() + (attempt + 1) * 600_000),
          },
          select: { id: true },
        })
      }
      for (const lab of labs.filter((l) => l.section === lesson.section)) {
        const passed = rand() < ability
        // a failed check fails at one of the lab's steps, the later steps more often (they build on the earlier)
        const stuckAt = lab.steps[Math.min(lab.steps.length - 1, Math.floor(Math.sqrt(rand()) * lab.steps.length))]
        const expectations = lab.steps.map((step) => ({
          name: step.title,
          step: step.number,
          status: passed || !stuckAt || step.number < stuckAt.number ? 'pass' : 'fail',
          ...(!passed && step.number === stuckAt?.number
            ? { expected: 'as the step describes', actual: 'not yet' }
            : {}),
        }))
        await db.labAttempt.create({
          data: {
            id: randomUUID(),
            learnerId,
            labId: lab.id,
            status: passed ? 'pass' : 'fail',
            result: JSON.stringify({ status: passed ? 'pass' : 'fail', expectations }),
            createdAt: new Date(at.getTime() + 1_200_000),
          },
          select: { id: true },
        })
      }
    }
  }
  await seedStuckNow(created.value.id, labs[0], now)
  return { classId: created.value.id, joinCode: found?.joinCode ?? '', password: teacherAccount.password }
}

/**
 * Two demo learners are in the middle of a lab right now, so "who is stuck now" has something to show: one has
 * failed its check three times in the last quarter hour, the other has been running code for 40 minutes.
 */
async function seedStuckNow(
  classId: string,
  lab: { id: string; steps: { number: number; title: string }[] } | undefined,
  now: number,
) {
  if (!lab) return
  const members = await db.classMember.findMany({
    where: { classId },
    orderBy: { joinedAt: 'desc' },
    take: 2,
    select: { user: { select: { learner: { select: { id: true } } } } },
  })
  const [checker, runner] = members.map((m) => m.user.learner?.id)
  const step = lab.steps[lab.steps.length - 1]
  const minutesAgo = (m: number) => new Date(now - m * 60_000)
  if (checker)
    for (const m of [14, 8, 2])
      await db.labAttempt.create({
        data: {
          id: randomUUID(),
          learnerId: checker,
          labId: lab.id,
          status: 'fail',
          result: JSON.stringify({
            status: 'fail',
            expectations: [
              { name: step?.title ?? 'The last step', status: 'fail', expected: 'done', actual: 'not yet' },
            ],
          }),
          createdAt: minutesAgo(m),
        },
        select: { id: true },
      })
  if (runner)
    for (const m of [40, 31, 22, 13, 4])
      await db.codeRun.create({
        data: {
          id: randomUUID(),
          learnerId: runner,
          scope: `lab:${lab.id}`,
          code: '// demo: the learner keeps trying\nconsole.log("trying")',
          status: 'error',
          message: 'AccessDenied: the call was refused',
          calls: '[]',
          durationMs: 900,
          createdAt: minutesAgo(m),
        },
        select: { id: true },
      })
}
