import 'server-only'
import { z } from 'zod'
import { db } from '../db/client'
import { PASS_RATIO } from './grid'
import type { QuizBucketRow, StartedRow } from './charts'
import { ofLearners } from './access'

const bucketRows = z.array(
  z.object({
    section: z.string(),
    // PostgreSQL may hand integers back as bigint; both databases agree once they are numbers
    bucket: z.coerce.number().int(),
    learners: z.coerce.number().int(),
    completed: z.coerce.number().int(),
  }),
)

/**
 * Class-wide figures for the charts, aggregated in the database so a class of hundreds returns a few hundred rows,
 * not one per learner and lesson. The quiz query nests two aggregations (best score per learner and lesson, then a
 * count per lesson and score decile), which Prisma's groupBy cannot express, so it is one portable SQL statement:
 * quoted identifiers, integer arithmetic and CAST behave the same on SQLite and PostgreSQL (both tested). Grouping
 * by the member's userId (one learner per account) rather than learnerId follows the order SQLite reads the rows in
 * (members, then each learner's covering index), so it aggregates without a temporary B-tree: half the time.
 * Call only after checking the actor teaches the class.
 */
export async function classQuizBuckets(classId: string): Promise<QuizBucketRow[]> {
  const passPercent = Math.round(PASS_RATIO * 100)
  const rows: unknown = await db.$queryRaw`
    SELECT b."section" AS "section",
           CAST((b."best" * 10) / b."total" AS INTEGER) AS "bucket",
           CAST(COUNT(*) AS INTEGER) AS "learners",
           CAST(SUM(CASE WHEN b."best" * 100 >= b."total" * CAST(${passPercent} AS INTEGER) THEN 1 ELSE 0 END) AS INTEGER)
             AS "completed"
    FROM (
      SELECT m."userId", q."section", MAX(q."score") AS "best", MAX(q."total") AS "total"
      FROM "ClassMember" m
      JOIN "Learner" l ON l."userId" = m."userId"
      JOIN "QuizSubmission" q ON q."learnerId" = l."id"
      WHERE m."classId" = ${classId}
      GROUP BY m."userId", q."section"
    ) b
    WHERE b."total" > 0
    GROUP BY b."section", CAST((b."best" * 10) / b."total" AS INTEGER)`
  return bucketRows.parse(rows)
}

/** Learners who have started reading each lesson (the matrix's "in progress"): one row per lesson. */
export async function classStartedLessons(classId: string, learnerIds: string[]): Promise<StartedRow[]> {
  const rows = await db.lessonVisit.groupBy({
    by: ['section'],
    where: { ...ofLearners(classId, learnerIds), readPercent: { gt: 0 } },
    _count: { _all: true },
  })
  return rows.map((r) => ({ section: r.section, learners: r._count._all }))
}
