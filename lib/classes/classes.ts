import 'server-only'
import { randomUUID } from 'node:crypto'
import { canTeach } from '../auth/roles'
import type { SessionUser } from '../auth/session'
import { db } from '../db/client'
import { classTitleSchema, newJoinCode, normalizeJoinCode } from './codes'

export type ClassSummary = { id: string; title: string; joinCode: string; members: number; createdAt: Date }
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string }

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error })

/** Instructors (and admins) create classes; the creator is its first instructor. */
export async function createClass(actor: SessionUser, title: string): Promise<Outcome<{ id: string }>> {
  if (!canTeach(actor.role)) return fail('Only instructors can create classes. Ask your Cloudbook admin for the role.')
  const parsed = classTitleSchema.safeParse(title)
  if (!parsed.success) return fail(parsed.error.issues[0]?.message ?? 'Check the class title.')
  for (let attempt = 0; ; attempt++) {
    const id = randomUUID()
    try {
      await db.class.create({
        data: {
          id,
          title: parsed.data,
          joinCode: newJoinCode(),
          createdById: actor.id,
          instructors: { create: { userId: actor.id } },
        },
        select: { id: true },
      })
      return { ok: true, value: { id } }
    } catch (error) {
      if (attempt >= 2) throw error // a join code collided three times: something else is wrong
    }
  }
}

/** The classes this account teaches; an instructor sees only their own, an admin every class. */
export async function classesTaughtBy(actor: SessionUser): Promise<ClassSummary[]> {
  if (!canTeach(actor.role)) return []
  const rows = await db.class.findMany({
    where: actor.role === 'admin' ? {} : { instructors: { some: { userId: actor.id } } },
    orderBy: { createdAt: 'desc' },
    select: { id: true, title: true, joinCode: true, createdAt: true, _count: { select: { members: true } } },
  })
  return rows.map(({ _count, ...row }) => ({ ...row, members: _count.members }))
}

/** A class the actor may teach (co-instructors included; admins any), else null: callers answer 404. */
export async function classForInstructor(actor: SessionUser, classId: string) {
  if (!canTeach(actor.role)) return null
  return db.class.findFirst({
    where: { id: classId, ...(actor.role === 'admin' ? {} : { instructors: { some: { userId: actor.id } } }) },
    select: {
      id: true,
      title: true,
      joinCode: true,
      instructors: { select: { user: { select: { id: true, name: true, email: true } } } },
    },
  })
}

/** Adds a co-instructor by email; they must have an account with the instructor (or admin) role. */
export async function addCoInstructor(actor: SessionUser, classId: string, email: string): Promise<Outcome<null>> {
  if (!(await classForInstructor(actor, classId))) return fail('No such class among yours.')
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, role: true },
  })
  if (!user) return fail(`No account uses ${email.trim()}. Ask them to sign up first.`)
  if (user.role !== 'instructor' && user.role !== 'admin')
    return fail(`${email.trim()} is not an instructor yet. An admin can give them the role on /admin.`)
  await db.classInstructor.upsert({
    where: { classId_userId: { classId, userId: user.id } },
    create: { classId, userId: user.id },
    update: {},
    select: { classId: true },
  })
  return { ok: true, value: null }
}

/** The class behind a join code, for the join page: only its title. */
export async function classForCode(input: string) {
  const code = normalizeJoinCode(input)
  if (!code) return null
  return db.class.findUnique({ where: { joinCode: code }, select: { id: true, title: true, joinCode: true } })
}

/** A signed-in account joins a class by its code; joining twice is harmless. */
export async function joinClass(actor: SessionUser, input: string): Promise<Outcome<{ id: string; title: string }>> {
  const found = await classForCode(input)
  if (!found) return fail('No class has that code. Check it with your instructor: 8 letters and digits.')
  await db.classMember.upsert({
    where: { classId_userId: { classId: found.id, userId: actor.id } },
    create: { classId: found.id, userId: actor.id },
    update: {},
    select: { classId: true },
  })
  return { ok: true, value: { id: found.id, title: found.title } }
}

export async function classesJoinedBy(actor: SessionUser) {
  const rows = await db.classMember.findMany({
    where: { userId: actor.id },
    orderBy: { joinedAt: 'desc' },
    select: { joinedAt: true, class: { select: { id: true, title: true } } },
  })
  return rows.map((r) => ({ ...r.class, joinedAt: r.joinedAt }))
}
