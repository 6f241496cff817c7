// npm run bench:dashboard -- sqlite|postgresql [learners]: loads a class of 500 learners with activity in every
// lesson (plus a few recent lab checks and runs each) into a scratch database and prints the class dashboard query
// time: everything the dashboard page reads — a page of the matrix, the class-wide chart aggregates, who is stuck
// now (target ≤ 300 ms p50). Also prints the whole-class progress read by the gradebook export, for reference.
// Prints figures, asserts nothing. One database kind per process: the Prisma client is chosen once, at import.
import { randomUUID } from 'node:crypto'
import { migrate } from '../lib/db/migrate.mjs'
import { withScratchDatabase } from '../lib/db/scratch.mjs'
import { summarize } from './stats'

const provider = process.argv[2] === 'postgresql' ? 'postgresql' : 'sqlite'
const learners = Number(process.argv[3] ?? 500)

await withScratchDatabase(provider, async (url) => {
  await migrate(url)
  process.env.DATABASE_URL = url
  const { db } = await import('../lib/db/client')
  const { listLessons } = await import('../lib/content/lessons')
  const { classProgress } = await import('../lib/instructor/class-progress')
  const { classDashboard } = await import('../lib/instructor/dashboard')
  const { listLabIds } = await import('../lib/labs/lab-files')
  const labIds = listLabIds().slice(0, 3)
  const lessons = listLessons()
  const teacher = {
    id: randomUUID(),
    email: 'bench-teacher@cloudbook.local',
    name: 'Bench',
    role: 'instructor' as const,
  }
  const classId = randomUUID()
  await db.user.create({ data: { ...teacher }, select: { id: true } })
  await db.class.create({
    data: {
      id: classId,
      title: 'Bench',
      joinCode: 'BENCH234',
      createdById: teacher.id,
      instructors: { create: { userId: teacher.id } },
    },
    select: { id: true },
  })
  const started = performance.now()
  for (let i = 0; i < learners; i++) {
    const userId = randomUUID()
    const learnerId = randomUUID()
    await db.user.create({
      data: { id: userId, name: `Learner ${i}`, email: `bench-${i}@cloudbook.local` },
      select: { id: true },
    })
    await db.learner.create({
      data: { id: learnerId, userId, accountId: String(100000000000 + i) },
      select: { id: true },
    })
    await db.classMember.create({ data: { classId, userId }, select: { classId: true } })
    // a course is read over weeks: lesson j was last opened j/2 days ago (give or take), not all in this minute
    const daysAgo = (j: number) => new Date(Date.now() - ((j / 2 + (i % 5)) * 86_400_000 + 3_600_000))
    await db.lessonVisit.createMany({
      data: lessons.map((l, j) => ({
        learnerId,
        section: l.section,
        readPercent: (i * 7) % 101,
        lastVisitedAt: daysAgo(j),
      })),
    })
    await db.quizSubmission.createMany({
      data: lessons.map((l, j) => ({
        id: randomUUID(),
        learnerId,
        section: l.section,
        answers: '{}',
        score: (i + j) % 7,
        total: 6,
        createdAt: daysAgo(j),
      })),
    })
    // recent lab work, so "who is stuck now" has something to read: three checks and three runs in the last hour
    const recent = (k: number) => new Date(Date.now() - (k * 15 + (i % 10)) * 60_000)
    await db.labAttempt.createMany({
      data: labIds.map((labId, k) => ({
        id: randomUUID(),
        learnerId,
        labId,
        status: (i + k) % 3 ? 'fail' : 'pass',
        result: JSON.stringify({
          status: (i + k) % 3 ? 'fail' : 'pass',
          expectations: [{ name: 'Bucket versioning', status: (i + k) % 3 ? 'fail' : 'pass', expected: 'Enabled' }],
        }),
        createdAt: recent(k),
      })),
    })
    await db.codeRun.createMany({
      data: labIds.map((labId, k) => ({
        id: randomUUID(),
        learnerId,
        scope: `lab:${labId}`,
        code: 'console.log("hello")',
        status: 'pass',
        calls: '[]',
        durationMs: 900,
        createdAt: recent(k),
      })),
    })
  }
  const seeded = performance.now() - started
  if (provider === 'postgresql' && process.env.BENCH_SKIP_ANALYZE !== '1') {
    // what autovacuum does on a live server within a minute of such a load: without statistics the planner believes
    // the class has 4 members and picks plans for that (BENCH_SKIP_ANALYZE=1 measures that state)
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query('VACUUM ANALYZE')
    await client.end()
  }
  const rows = learners * lessons.length
  const time = async (run: () => Promise<unknown>) => {
    await run() // warm: content cache, connections
    const samples: number[] = []
    for (let i = 0; i < 10; i++) {
      const t = performance.now()
      await run()
      samples.push(performance.now() - t)
    }
    return summarize(samples)
  }
  const dashboard = await time(() => classDashboard(teacher, classId, 1))
  const whole = await time(() => classProgress(teacher, classId))
  console.log(
    `${provider}: ${learners} learners × ${lessons.length} lessons (${rows} visits + ${rows} quiz submissions, loaded in ${Math.round(seeded / 1000)} s)`,
  )
  const line = (s: typeof dashboard) =>
    `p50 ${Math.round(s.p50)} ms, p95 ${Math.round(s.p95)} ms, max ${Math.round(s.max)} ms`
  console.log(`class dashboard query (page of 50 learners + class charts + stuck now): ${line(dashboard)}`)
  console.log(`whole-class progress (gradebook export, all ${learners} learners): ${line(whole)}`)
  await db.$disconnect()
})
