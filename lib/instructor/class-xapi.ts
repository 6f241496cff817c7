import 'server-only'
import type { SessionUser } from '../auth/session'
import { classForInstructor } from '../classes/classes'
import { getLessonFile } from '../content/lessons'
import { db } from '../db/client'
import { listLabIds, readLab } from '../labs/lab-files'
import { PASS_RATIO } from '../progress/lessons'
import { buildStatements, type Actor, type Statement } from './xapi'

/** xAPI statements for everything the class's learners did, or null (404: not a class the actor teaches). */
export async function classStatements(actor: SessionUser, classId: string, base: string): Promise<Statement[] | null> {
  if (!(await classForInstructor(actor, classId))) return null
  const inClass = { learner: { user: { memberships: { some: { classId } } } } }
  const who = { learner: { select: { user: { select: { name: true, email: true } } } } }
  const [visits, quizzes, labs] = await Promise.all([
    db.lessonVisit.findMany({ where: inClass, select: { section: true, lastVisitedAt: true, ...who } }),
    db.quizSubmission.findMany({
      where: inClass,
      orderBy: { createdAt: 'asc' },
      select: { id: true, section: true, answers: true, score: true, total: true, createdAt: true, ...who },
    }),
    db.labAttempt.findMany({
      where: inClass,
      select: { id: true, labId: true, result: true, createdAt: true, ...who },
    }),
  ])
  const labTitles = new Map(listLabIds().map((id) => [id, readLab(id).meta.title]))
  const title = (section: string) => getLessonFile(section)?.frontmatter.title ?? section
  const actorOf = (row: { learner: { user: Actor | null } }): Actor =>
    row.learner.user ?? { name: 'unknown', email: 'unknown@invalid' }
  return buildStatements(base, {
    visits: visits.map((v) => ({
      actor: actorOf(v),
      section: v.section,
      title: title(v.section),
      at: v.lastVisitedAt,
    })),
    quizzes: quizzes.map((q) => ({
      id: q.id,
      actor: actorOf(q),
      section: q.section,
      title: title(q.section),
      answers: q.answers,
      score: q.score,
      total: q.total,
      passRatio: PASS_RATIO,
      at: q.createdAt,
    })),
    labs: labs.map((l) => ({
      id: l.id,
      actor: actorOf(l),
      labId: l.labId,
      title: labTitles.get(l.labId) ?? l.labId,
      result: l.result,
      at: l.createdAt,
    })),
  })
}
