import 'server-only'
import type { SessionUser } from '../auth/session'
import { listLessons } from '../content/lessons'
import { db } from '../db/client'
import { listLabIds, readLab } from '../labs/lab-files'
import { ofLearners, teachableClass } from './access'
import { buildGrid, type Cell } from './grid'

/** Learners per page of the dashboard matrix: a screenful to scan, and a bounded query however large the class. */
export const PAGE_SIZE = 50

export type RosterEntry = { userId: string; name: string; email: string; learnerId: string | null }
export type ClassProgress = {
  classId: string
  title: string
  /** this page's learners, in name order (every learner when not paged) */
  roster: RosterEntry[]
  /** learners in the class, and the page shown (1-based) of how many */
  learners: number
  page: number
  pages: number
  lessons: { section: string; title: string; labs: number }[]
  grid: Map<string, Map<string, Cell>>
}

function labSections(): Map<string, string> {
  return new Map(listLabIds().map((id) => [id, readLab(id).meta.section]))
}

/**
 * Roster × lessons for a class the actor teaches, or null (callers answer 404: not theirs or no such class). With a
 * page number, only that page's PAGE_SIZE learners (the dashboard); without, the whole class (gradebook export).
 */
export async function classProgress(actor: SessionUser, classId: string, page?: number): Promise<ClassProgress | null> {
  const found = await teachableClass(actor, classId)
  return found && progressOf(found, page)
}

/** The class's learners in name order. Two flat queries: Prisma's nested relation select costs far more here. */
export async function rosterOf(classId: string): Promise<RosterEntry[]> {
  const [users, learners] = await Promise.all([
    db.user.findMany({ where: { memberships: { some: { classId } } }, select: { id: true, name: true, email: true } }),
    db.learner.findMany({
      where: { user: { memberships: { some: { classId } } } },
      select: { id: true, userId: true },
    }),
  ])
  const learnerOf = new Map(learners.map((l) => [l.userId, l.id]))
  return users
    .map((u) => ({ userId: u.id, name: u.name, email: u.email, learnerId: learnerOf.get(u.id) ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email))
}

/** classProgress for a class whose access the caller has already checked (and, maybe, whose roster it has read). */
export async function progressOf(
  found: { id: string; title: string },
  page?: number,
  roster?: RosterEntry[],
): Promise<ClassProgress> {
  const classId = found.id
  const everyone = roster ?? (await rosterOf(classId))
  const pages = page === undefined ? 1 : Math.max(1, Math.ceil(everyone.length / PAGE_SIZE))
  const shown = page === undefined ? 1 : Math.min(pages, Math.max(1, Math.floor(page)))
  const rows = page === undefined ? everyone : everyone.slice((shown - 1) * PAGE_SIZE, shown * PAGE_SIZE)
  const scope = ofLearners(
    classId,
    rows.flatMap((r) => (r.learnerId ? [r.learnerId] : [])),
  )
  // the database aggregates quiz submissions: one row per cell
  const [visits, quizzes, passes] = await Promise.all([
    db.lessonVisit.findMany({
      where: { ...scope, readPercent: { gt: 0 } },
      select: { learnerId: true, section: true, readPercent: true },
    }),
    db.quizSubmission.groupBy({
      by: ['learnerId', 'section'],
      where: scope,
      _max: { score: true, total: true },
      _count: { _all: true },
    }),
    db.labAttempt.groupBy({ by: ['learnerId', 'labId'], where: { ...scope, status: 'pass' } }),
  ])
  const submissions = quizzes.map((q) => ({
    learnerId: q.learnerId,
    section: q.section,
    bestScore: q._max.score ?? 0,
    total: q._max.total ?? 0,
    attempts: q._count._all,
  }))
  const sections = labSections()
  const labsPerSection = new Map<string, number>()
  for (const section of sections.values()) labsPerSection.set(section, (labsPerSection.get(section) ?? 0) + 1)
  return {
    classId: found.id,
    title: found.title,
    roster: rows,
    learners: everyone.length,
    page: shown,
    pages,
    lessons: listLessons().map((l) => ({
      section: l.section,
      title: l.title,
      labs: labsPerSection.get(l.section) ?? 0,
    })),
    grid: buildGrid({ visits, submissions, passes }, (labId) => sections.get(labId)),
  }
}
