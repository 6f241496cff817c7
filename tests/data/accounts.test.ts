import { randomBytes, randomUUID } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'
import { adoptAnonymousLearner } from '@/lib/auth/adopt'
import { auth } from '@/lib/auth/auth'
import { findLearnerForToken, learnerForToken, learnerForUser } from '@/lib/auth/learner'
import { db } from '@/lib/db/client'
import { getDraft, hasPassed, recordAttempt, saveDraft } from '@/lib/progress/labs'
import { courseProgress, recordVisit } from '@/lib/progress/lessons'

const token = () => randomBytes(32).toString('base64url')
const email = () => `learner-${randomUUID()}@example.test`
const password = 'correct horse battery'

async function signUp(address = email()) {
  const result = await auth.api.signUpEmail({ body: { email: address, password, name: 'Ada Lovelace' } })
  return result.user.id
}

describe(`accounts on ${process.env.CLOUDBOOK_TEST_DB}`, () => {
  it('signs up and in with email and password, storing the session in the database', async () => {
    const address = email()
    const userId = await signUp(address)
    const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, email: true } })
    expect(user).toEqual({ role: 'learner', email: address })
    const credential = await db.account.findFirst({ where: { userId }, select: { password: true, providerId: true } })
    expect(credential?.providerId).toBe('credential')
    expect(credential?.password).not.toContain(password)

    const signedIn = await auth.api.signInEmail({ body: { email: address, password } })
    expect(signedIn.user.id).toBe(userId)
    expect(await db.session.count({ where: { userId } })).toBeGreaterThanOrEqual(2)
    await expect(auth.api.signInEmail({ body: { email: address, password: 'wrong password!' } })).rejects.toThrow()
  })

  it('refuses a role sent by the browser at sign-up', async () => {
    const address = email()
    const response = await auth.handler(
      new Request('http://localhost:3000/api/auth/sign-up/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
        body: JSON.stringify({ email: address, password, name: 'Mallory', role: 'admin' }),
      }),
    )
    const user = await db.user.findUnique({ where: { email: address }, select: { role: true } })
    if (response.ok) expect(user?.role).toBe('learner')
    else expect(user).toBeNull()
  })

  it('makes no anonymous learner until something is saved', async () => {
    const t = token()
    expect(await findLearnerForToken(t)).toBeNull()
    expect(await findLearnerForToken('')).toBeNull()
    expect(await findLearnerForToken('not a token')).toBeNull()
    await expect(learnerForToken('garbage')).rejects.toThrow(/not a learner token/)
    const learner = await learnerForToken(t)
    expect(await findLearnerForToken(t)).toEqual(learner)
  })

  it('gives an account without a learner the anonymous learner whole, emulator account included', async () => {
    const t = token()
    const anonymous = await learnerForToken(t)
    await recordVisit(anonymous.id, 's3', 60)
    await saveDraft(anonymous.id, 's3-versioning', 'draft code')
    const userId = await signUp()
    await adoptAnonymousLearner(userId, t)
    const mine = await learnerForUser(userId)
    expect(mine).toEqual(anonymous)
    expect(await findLearnerForToken(t)).toBeNull() // the old cookie no longer reaches the account's progress
    expect((await courseProgress(mine.id)).get('s3')?.readPercent).toBe(60)
  })

  it('merges anonymous progress into an account that already has some', async () => {
    const userId = await signUp()
    const mine = await learnerForUser(userId)
    await recordVisit(mine.id, 's3', 80)
    await saveDraft(mine.id, 'kept-lab', 'account draft')

    const t = token()
    const anonymous = await learnerForToken(t)
    await recordVisit(anonymous.id, 's3', 30)
    await recordVisit(anonymous.id, 'sqs', 50)
    await saveDraft(anonymous.id, 'other-lab', 'anonymous draft')
    await recordAttempt(anonymous.id, 'other-lab', { status: 'pass', expectations: [] })
    await db.quizSubmission.create({
      data: { id: randomUUID(), learnerId: anonymous.id, section: 'sqs', answers: '{}', score: 3, total: 4 },
      select: { id: true },
    })

    await db.examSubmission.create({
      data: {
        id: randomUUID(),
        learnerId: anonymous.id,
        part: 'storage',
        attempt: 1,
        answers: '{}',
        score: 1,
        total: 2,
      },
      select: { id: true },
    })

    await adoptAnonymousLearner(userId, t)
    expect(await db.examSubmission.count({ where: { learnerId: mine.id } })).toBe(1)
    const progress = await courseProgress(mine.id)
    expect(progress.get('s3')?.readPercent).toBe(80)
    expect(progress.get('sqs')).toMatchObject({ readPercent: 50, bestScore: 3, complete: true })
    expect(await getDraft(mine.id, 'kept-lab')).toBe('account draft')
    expect(await getDraft(mine.id, 'other-lab')).toBe('anonymous draft')
    expect(await hasPassed(mine.id, 'other-lab')).toBe(true)
    expect(await db.learner.count({ where: { id: anonymous.id } })).toBe(0)
    await adoptAnonymousLearner(userId, t) // a second sign-in with the same cookie changes nothing
    expect(await learnerForUser(userId)).toEqual(mine)
  })

  it('moves anonymous progress when signing up and in through the HTTP endpoints, then forgets the cookie', async () => {
    const t = token()
    const anonymous = await learnerForToken(t)
    await recordVisit(anonymous.id, 'sqs', 25)
    const address = email()
    const post = (path: string, body: object, cookie: string) =>
      auth.handler(
        new Request(`http://localhost:3000/api/auth/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', cookie },
          body: JSON.stringify(body),
        }),
      )
    const signedUp = await post('sign-up/email', { email: address, password, name: 'Ada' }, `cloudbook_learner=${t}`)
    expect(signedUp.status).toBe(200)
    const cookies = signedUp.headers.getSetCookie()
    expect(cookies.some((c) => /^cloudbook\.session_token=.+HttpOnly.+SameSite=Lax/i.test(c))).toBe(true)
    expect(cookies.some((c) => /^cloudbook_learner=;.*Max-Age=0/i.test(c))).toBe(true)
    const user = await db.user.findUnique({ where: { email: address }, select: { id: true } })
    expect(await learnerForUser(user?.id ?? '')).toEqual(anonymous)

    // later, anonymous again on another browser, then signing in: that progress merges into the account
    const t2 = token()
    await recordVisit((await learnerForToken(t2)).id, 'sns', 90)
    const signedIn = await post('sign-in/email', { email: address, password }, `cloudbook_learner=${t2}`)
    expect(signedIn.status).toBe(200)
    const progress = await courseProgress(anonymous.id)
    expect([progress.get('sqs')?.readPercent, progress.get('sns')?.readPercent]).toEqual([25, 90])
  })

  it('resets a password by a one-time link printed to the server log, ending every session', async () => {
    const address = email()
    const userId = await signUp(address)
    const log = vi.spyOn(console, 'info').mockImplementation(() => {})
    await auth.api.requestPasswordReset({ body: { email: address, redirectTo: '/reset-password' } })
    const line = log.mock.calls.map((c) => String(c[0])).find((l) => l.includes(address)) ?? ''
    log.mockRestore()
    expect(line).toMatch(/password reset for .* \(valid 1 hour, once\): \S*\/reset-password\/\S+/)
    const link = new URL(/once\): (\S+)/.exec(line)?.[1] ?? '', 'http://localhost:3000')
    // the link goes through better-auth's callback, which redirects to /reset-password?token=…
    const resetToken = link.pathname.split('/').pop() ?? ''
    await auth.api.resetPassword({ body: { newPassword: 'a brand new password', token: resetToken } })
    expect(await db.session.count({ where: { userId } })).toBe(0)
    await expect(auth.api.signInEmail({ body: { email: address, password } })).rejects.toThrow()
    expect((await auth.api.signInEmail({ body: { email: address, password: 'a brand new password' } })).user.id).toBe(
      userId,
    )
    await expect(
      auth.api.resetPassword({ body: { newPassword: 'third password!!', token: resetToken } }),
    ).rejects.toThrow()
  })

  it('changes a password and signs out everywhere through the HTTP endpoints', async () => {
    const address = email()
    const userId = await signUp(address)
    await auth.api.signInEmail({ body: { email: address, password } })
    const { headers } = await auth.api.signInEmail({ body: { email: address, password }, returnHeaders: true })
    const cookie = headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const post = (path: string, body: object) =>
      auth.handler(
        new Request(`http://localhost:3000/api/auth/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', cookie },
          body: JSON.stringify(body),
        }),
      )
    expect(await db.session.count({ where: { userId } })).toBe(3)
    const changed = await post('change-password', {
      currentPassword: password,
      newPassword: 'another good password',
      revokeOtherSessions: true,
    })
    expect(changed.status).toBe(200)
    expect(await db.session.count({ where: { userId } })).toBe(1) // only the (renewed) current one
    const newCookie = changed.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const revoked = await auth.handler(
      new Request('http://localhost:3000/api/auth/revoke-sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'http://localhost:3000', cookie: newCookie || cookie },
        body: '{}',
      }),
    )
    expect(revoked.status).toBe(200)
    expect(await db.session.count({ where: { userId } })).toBe(0)
  })

  it('ignores missing, garbled or foreign tokens', async () => {
    const userId = await signUp()
    await adoptAnonymousLearner(userId, undefined)
    await adoptAnonymousLearner(userId, 'garbage')
    const other = await signUp()
    const t = token()
    await learnerForToken(t)
    await adoptAnonymousLearner(other, t)
    await adoptAnonymousLearner(userId, t) // already belongs to `other`
    expect((await learnerForUser(other)).id).not.toBe((await learnerForUser(userId)).id)
  })

  it('keeps one learner per account under concurrent first requests', async () => {
    const userId = await signUp()
    const learners = await Promise.all([1, 2, 3, 4].map(() => learnerForUser(userId)))
    expect(new Set(learners.map((l) => l.id)).size).toBe(1)
  })
})
