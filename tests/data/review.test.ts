import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { adoptAnonymousLearner } from '@/lib/auth/adopt'
import { learnerForToken, learnerForUser } from '@/lib/auth/learner'
import { getLessonFile, listLessons } from '@/lib/content/lessons'
import { db } from '@/lib/db/client'
import { answerReview, dueReviewQuestions, isQueued, reviewSummary } from '@/lib/progress/review'
import { submitQuiz } from '@/lib/progress/quiz'
import { makeUser } from './helpers'

const HOUR = 3_600_000
const token = () => randomBytes(32).toString('base64url')
const section = listLessons()[0]?.section ?? ''
const quiz = getLessonFile(section)?.quiz
if (!quiz || quiz.questions.length < 3) throw new Error('the first lesson needs a quiz of three questions or more')
const [first, second, third] = quiz.questions
if (!first || !second || !third) throw new Error('unreachable')
const wrongOption = (q: typeof first) => q.options.find((o) => !q.correct.includes(o.id))?.id ?? ''
const later = (from: Date, ms: number) => new Date(from.getTime() + ms)

describe(`review queue on ${process.env.CLOUDBOOK_TEST_DB}`, () => {
  it('queues the questions a quiz got wrong (not the right or unanswered ones), due an hour later', async () => {
    const learner = await learnerForToken(token())
    const attempt = await submitQuiz(
      learner.id,
      section,
      quiz,
      { [first.id]: [wrongOption(first)], [second.id]: second.correct },
      null,
    )
    const submitted = new Date(attempt.submittedAt)
    const cards = await db.reviewCard.findMany({
      where: { learnerId: learner.id },
      select: { section: true, questionId: true, due: true, reps: true, lastRating: true },
    })
    expect(cards).toEqual([{ section, questionId: first.id, due: later(submitted, HOUR), reps: 1, lastRating: 1 }])
    expect(await reviewSummary(learner.id, submitted)).toEqual({ due: 0, queued: 1, nextDue: later(submitted, HOUR) })
    expect(await dueReviewQuestions(learner.id, submitted)).toEqual([])
    expect(await reviewSummary(learner.id, later(submitted, HOUR))).toMatchObject({ due: 1, queued: 1 })
  })

  it('asks due questions with opaque option ids and no answers, then grades and spaces them out', async () => {
    const learner = await learnerForToken(token())
    const attempt = await submitQuiz(learner.id, section, quiz, { [first.id]: [wrongOption(first)] }, null)
    const due = later(new Date(attempt.submittedAt), HOUR)
    const [item] = await dueReviewQuestions(learner.id, due)
    expect(item).toMatchObject({ section, question: { id: first.id, prompt: first.prompt } })
    const shownIds = item?.question.options.map((o) => o.id) ?? []
    expect(shownIds).toHaveLength(first.options.length)
    for (const id of first.options.map((o) => o.id)) expect(shownIds).not.toContain(id)
    // nothing that gives the answer away: only the question and its options
    expect(Object.keys(item?.question ?? {}).sort()).toEqual(['id', 'options', 'prompt', 'type'])
    expect(item?.question.options.every((o) => Object.keys(o).sort().join() === 'id,text')).toBe(true)

    const right = await answerReview(learner.id, section, first.id, first.correct, false, due)
    expect(right).toMatchObject({ correct: true, explanation: first.explanation })
    expect((right?.nextDue.getTime() ?? 0) - due.getTime()).toBeGreaterThanOrEqual(24 * HOUR)
    expect(await reviewSummary(learner.id, due)).toMatchObject({ due: 0, queued: 1 })

    // forgotten at the next review: back within the hour
    const next = right?.nextDue ?? due
    const wrong = await answerReview(learner.id, section, first.id, [wrongOption(first)], false, next)
    expect(wrong).toMatchObject({ correct: false })
    expect((wrong?.nextDue.getTime() ?? 0) - next.getTime()).toBe(HOUR)
    const card = await db.reviewCard.findUnique({
      where: { learnerId_section_questionId: { learnerId: learner.id, section, questionId: first.id } },
      select: { reps: true, lapses: true, state: true },
    })
    expect(card).toEqual({ reps: 3, lapses: 1, state: 3 })
  })

  it("answers only the learner's own queued questions", async () => {
    const owner = await learnerForToken(token())
    const other = await learnerForToken(token())
    await submitQuiz(owner.id, section, quiz, { [third.id]: [wrongOption(third)] }, null)
    expect(await isQueued(owner.id, section, third.id)).toBe(true)
    expect(await isQueued(other.id, section, third.id)).toBe(false)
    expect(await answerReview(other.id, section, third.id, third.correct, false)).toBeNull()
    expect(await answerReview(owner.id, section, first.id, first.correct, false)).toBeNull()
    expect(await answerReview(owner.id, 'no-such-lesson', third.id, [], false)).toBeNull()
  })

  it('moves the review queue into the account on sign-in, keeping the account’s own schedule', async () => {
    const user = await makeUser('learner')
    const owned = await learnerForUser(user.id)
    await submitQuiz(owned.id, section, quiz, { [first.id]: [wrongOption(first)] }, null)
    const anonymousToken = token()
    const anonymous = await learnerForToken(anonymousToken)
    await submitQuiz(
      anonymous.id,
      section,
      quiz,
      { [first.id]: [wrongOption(first)], [second.id]: [wrongOption(second)] },
      null,
    )
    await adoptAnonymousLearner(user.id, anonymousToken)
    const cards = await db.reviewCard.findMany({
      where: { learnerId: owned.id },
      orderBy: { questionId: 'asc' },
      select: { questionId: true },
    })
    expect(cards.map((c) => c.questionId).sort()).toEqual([first.id, second.id].sort())
    expect(await db.reviewCard.count({ where: { learnerId: anonymous.id } })).toBe(0)
  })
})
