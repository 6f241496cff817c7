import { describe, expect, it } from 'vitest'
import { describeReason, detectStuck, type ActivityEvent } from './stuck'

const now = new Date('2026-12-04T12:00:00Z')
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000)
const check = (learnerId: string, minutes: number, ok: boolean, lab = 'lab:s3-versioning'): ActivityEvent => ({
  learnerId,
  at: ago(minutes),
  step: lab,
  kind: 'check',
  ok,
  failing: ok ? [] : [{ name: 'Bucket versioning', expected: 'Enabled', actual: 'Suspended' }],
})
const run = (learnerId: string, minutes: number, step: string, ok = false): ActivityEvent => ({
  learnerId,
  at: ago(minutes),
  step,
  kind: 'run',
  ok,
})
const title = (step: string) => (step === 'lab:s3-versioning' ? 'S3 versioning' : step)

describe('detectStuck', () => {
  it('lists a learner with three failing checks on one lab in the last 30 minutes, and says why', () => {
    const stuck = detectStuck([check('ada', 20, false), check('ada', 12, false), check('ada', 3, false)], now)
    expect(stuck).toHaveLength(1)
    const [reason] = stuck[0]?.reasons ?? []
    expect(reason).toMatchObject({ kind: 'failing-checks', step: 'lab:s3-versioning', failures: 3 })
    expect(
      describeReason(reason ?? { kind: 'long-on-step', step: '', sinceMs: 0, runs: 0, checks: 0, quizzes: 0 }, title),
    ).toBe(
      '3 failing checks on S3 versioning in the last 30 min; failing most: “Bucket versioning” (expected Enabled, got Suspended)',
    )
  })

  it('does not list two failures, failures older than the window, or failures followed by a pass', () => {
    expect(detectStuck([check('a', 5, false), check('a', 3, false)], now)).toEqual([])
    expect(detectStuck([check('b', 50, false), check('b', 40, false), check('b', 5, false)], now)).toEqual([])
    expect(
      detectStuck([check('c', 9, false), check('c', 7, false), check('c', 5, false), check('c', 2, true)], now),
    ).toEqual([])
    // failures on two different labs do not add up
    expect(
      detectStuck([check('d', 9, false), check('d', 7, false, 'lab:other'), check('d', 5, false, 'lab:third')], now),
    ).toEqual([])
  })

  it('lists a learner working on one step for 25 minutes or more without progress', () => {
    const events = [
      run('grace', 40, 'lab:s3-versioning'),
      run('grace', 30, 'lab:s3-versioning'),
      check('grace', 28, false),
      { learnerId: 'grace', at: ago(15), step: 'lesson:s3', kind: 'visit', ok: null } satisfies ActivityEvent,
      run('grace', 14, 'lab:s3-versioning'),
      run('grace', 2, 'lab:s3-versioning'),
    ]
    const [stuck] = detectStuck(events, now)
    expect(stuck?.reasons).toEqual([
      { kind: 'long-on-step', step: 'lab:s3-versioning', sinceMs: 40 * 60_000, runs: 4, checks: 1, quizzes: 0 },
    ])
    expect(
      describeReason(
        stuck?.reasons[0] ?? { kind: 'failing-checks', step: '', failures: 0, windowMinutes: 0, mostFailing: null },
        title,
      ),
    ).toBe('40 min on S3 versioning without passing its check (4 runs, 1 check)')
  })

  it('does not list short streaks, learners who left, a pause over 20 minutes, progress, or a change of step', () => {
    const lab = 'lab:s3-versioning'
    expect(detectStuck([run('a', 20, lab), run('a', 1, lab)], now)).toEqual([]) // 20 minutes so far
    expect(detectStuck([run('b', 60, lab), run('b', 15, lab)], now)).toEqual([]) // gone for 15 minutes
    expect(detectStuck([run('c', 60, lab), run('c', 30, lab), run('c', 5, lab)], now)).toEqual([]) // 25-min pause
    expect(detectStuck([run('d', 50, lab), check('d', 30, true), run('d', 2, lab)], now)).toEqual([]) // passed
    expect(
      detectStuck([run('e', 50, 'lesson:s3'), run('e', 40, 'lesson:s3', true), run('e', 2, 'lesson:s3')], now),
    ).toEqual([]) // a working run in a lesson is progress
    expect(detectStuck([run('f', 50, 'lesson:s3'), run('f', 30, 'lesson:s3'), run('f', 2, lab)], now)).toEqual([])
  })

  it('puts learners with more reasons first', () => {
    const lab = 'lab:s3-versioning'
    const events = [
      check('one', 20, false),
      check('one', 12, false),
      check('one', 3, false),
      run('both', 45, lab),
      check('both', 25, false),
      check('both', 15, false),
      check('both', 1, false),
    ]
    expect(detectStuck(events, now).map((s) => [s.learnerId, s.reasons.length])).toEqual([
      ['both', 2],
      ['one', 1],
    ])
  })
})
