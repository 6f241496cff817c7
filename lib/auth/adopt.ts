import 'server-only'
import { db } from '../db/client'
import { hashToken, isLearnerToken } from './token'

/**
 * Moves an anonymous learner's progress into an account on sign-up or sign-in. An account without a learner
 * takes the anonymous learner whole (emulator account included); an account that has one receives its lesson
 * visits, drafts, lab attempts, quiz and exam submissions and review cards, and the anonymous learner is deleted. Either way the
 * anonymous token stops reaching anything, so signing out does not leave the progress behind in the browser.
 */
export async function adoptAnonymousLearner(userId: string, token: string | null | undefined): Promise<void> {
  if (!isLearnerToken(token)) return
  const anonymous = await db.learner.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, userId: true },
  })
  if (!anonymous || anonymous.userId) return
  const owned = await db.learner.findUnique({ where: { userId }, select: { id: true } })
  if (!owned) {
    await db.learner.update({ where: { id: anonymous.id }, data: { userId, tokenHash: null }, select: { id: true } })
    return
  }
  await mergeLearner(anonymous.id, owned.id)
}

async function mergeLearner(fromId: string, toId: string) {
  await db.quizSubmission.updateMany({ where: { learnerId: fromId }, data: { learnerId: toId } })
  await db.examSubmission.updateMany({ where: { learnerId: fromId }, data: { learnerId: toId } })
  await db.labAttempt.updateMany({ where: { learnerId: fromId }, data: { learnerId: toId } })
  await db.examSubmission.updateMany({ where: { learnerId: fromId }, data: { learnerId: toId } })

  const [visits, kept] = await Promise.all([
    db.lessonVisit.findMany({
      where: { learnerId: fromId },
      select: { section: true, readPercent: true, lastVisitedAt: true },
    }),
    db.lessonVisit.findMany({
      where: { learnerId: toId },
      select: { section: true, readPercent: true, lastVisitedAt: true },
    }),
  ])
  const keptVisits = new Map(kept.map((v) => [v.section, v]))
  for (const visit of visits) {
    const mine = keptVisits.get(visit.section)
    const readPercent = Math.max(visit.readPercent, mine?.readPercent ?? 0)
    const lastVisitedAt = mine && mine.lastVisitedAt > visit.lastVisitedAt ? mine.lastVisitedAt : visit.lastVisitedAt
    await db.lessonVisit.upsert({
      where: { learnerId_section: { learnerId: toId, section: visit.section } },
      create: { learnerId: toId, section: visit.section, readPercent, lastVisitedAt },
      update: { readPercent, lastVisitedAt },
      select: { section: true },
    })
  }

  const [drafts, keptDrafts] = await Promise.all([
    db.labDraft.findMany({ where: { learnerId: fromId }, select: { labId: true, code: true, updatedAt: true } }),
    db.labDraft.findMany({ where: { learnerId: toId }, select: { labId: true, updatedAt: true } }),
  ])
  const keptAt = new Map(keptDrafts.map((d) => [d.labId, d.updatedAt]))
  for (const draft of drafts) {
    const mine = keptAt.get(draft.labId)
    if (mine && mine >= draft.updatedAt) continue // the account's own draft is newer
    await db.labDraft.upsert({
      where: { learnerId_labId: { learnerId: toId, labId: draft.labId } },
      create: { learnerId: toId, labId: draft.labId, code: draft.code },
      update: { code: draft.code },
      select: { labId: true },
    })
  }

  // review cards: the account's own schedule for a question wins; the rest move over
  const [cards, keptCards] = await Promise.all([
    db.reviewCard.findMany({ where: { learnerId: fromId }, select: { section: true, questionId: true } }),
    db.reviewCard.findMany({ where: { learnerId: toId }, select: { section: true, questionId: true } }),
  ])
  const keptCard = new Set(keptCards.map((c) => `${c.section}\u0000${c.questionId}`))
  for (const card of cards) {
    if (keptCard.has(`${card.section}\u0000${card.questionId}`)) continue
    await db.reviewCard.update({
      where: { learnerId_section_questionId: { learnerId: fromId, ...card } },
      data: { learnerId: toId },
      select: { questionId: true },
    })
  }
  await db.learner.deleteMany({ where: { id: fromId } })
}
