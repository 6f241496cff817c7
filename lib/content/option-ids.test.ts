import { describe, expect, it } from 'vitest'
import { gradeQuiz } from './grade-quiz'
import {
  learnerQuizView,
  opaqueOptionId,
  toOpaqueAttempt,
  toRealAnswers,
  withOpaqueOptionIds,
  type OptionIdScope,
} from './option-ids'
import type { Quiz } from './schema'

const quiz: Quiz = {
  questions: [
    {
      id: 'nat-ha',
      type: 'single',
      prompt: 'A team needs NAT that survives an AZ failure; what do they deploy?',
      options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Option ${id}` })),
      correct: ['b'],
      explanation: 'One NAT gateway per AZ.',
    },
    {
      id: 'many',
      type: 'multiple',
      prompt: 'Which are true?',
      options: ['a', 'b', 'c'].map((id) => ({ id, text: `Option ${id}` })),
      correct: ['a', 'c'],
      explanation: 'Because.',
    },
    {
      id: 'tf',
      type: 'true-false',
      prompt: 'Security groups are stateful.',
      options: [
        { id: 'true', text: 'True' },
        { id: 'false', text: 'False' },
      ],
      correct: ['true'],
      explanation: 'They are.',
    },
  ],
}

const scope = (learnerId: string, section = 'vpc'): OptionIdScope => ({
  secret: 'test-secret-0123456789',
  learnerId,
  section,
})
const realIds = new Set(quiz.questions.flatMap((q) => q.options.map((o) => o.id)))

describe('opaque option ids', () => {
  it('are stable for one learner, section and question', () => {
    expect(opaqueOptionId(scope('l1'), 'nat-ha', 'b')).toBe(opaqueOptionId(scope('l1'), 'nat-ha', 'b'))
    expect(withOpaqueOptionIds(quiz, scope('l1'))).toEqual(withOpaqueOptionIds(quiz, scope('l1')))
  })

  it('differ across learners, sections, questions, options and secrets', () => {
    const base = opaqueOptionId(scope('l1'), 'nat-ha', 'b')
    expect(opaqueOptionId(scope('l2'), 'nat-ha', 'b')).not.toBe(base)
    expect(opaqueOptionId(scope('l1', 's3'), 'nat-ha', 'b')).not.toBe(base)
    expect(opaqueOptionId(scope('l1'), 'many', 'b')).not.toBe(base)
    expect(opaqueOptionId(scope('l1'), 'nat-ha', 'c')).not.toBe(base)
    expect(opaqueOptionId({ ...scope('l1'), secret: 'another-secret-0123456789' }, 'nat-ha', 'b')).not.toBe(base)
  })

  it('never reuse an authored id', () => {
    for (const q of withOpaqueOptionIds(quiz, scope('l1')).questions) {
      for (const o of q.options) expect(realIds.has(o.id)).toBe(false)
    }
  })

  it('round-trip: opaque answers map back to the authored ids and grade the same', () => {
    const chosen = { 'nat-ha': ['b'], many: ['a', 'c'], tf: ['false'] }
    const opaque = Object.fromEntries(
      Object.entries(chosen).map(([q, ids]) => [q, ids.map((id) => opaqueOptionId(scope('l1'), q, id))]),
    )
    const real = toRealAnswers(quiz, scope('l1'), opaque)
    expect(real).toEqual({ answers: chosen })
    if ('error' in real) return
    const graded = gradeQuiz(quiz, real.answers)
    expect(graded.score).toBe(2)
    const shown = toOpaqueAttempt(graded, scope('l1'))
    expect(shown.questions[0]?.chosen).toEqual(opaque['nat-ha'])
    expect(shown.questions[0]?.correctOptions).toEqual([opaqueOptionId(scope('l1'), 'nat-ha', 'b')])
  })

  it("refuses an authored id, another learner's id and an unknown question", () => {
    expect(toRealAnswers(quiz, scope('l1'), { 'nat-ha': ['b'] })).toEqual({
      error: expect.stringContaining('no option "b"'),
    })
    const foreign = opaqueOptionId(scope('l2'), 'nat-ha', 'b')
    expect(toRealAnswers(quiz, scope('l1'), { 'nat-ha': [foreign] })).toHaveProperty('error')
    expect(toRealAnswers(quiz, scope('l1'), { nope: [] })).toEqual({
      error: expect.stringContaining('no question "nope"'),
    })
  })

  it('the quiz view keeps every option, shuffled, with no authored ids', () => {
    const graded = gradeQuiz(quiz, { 'nat-ha': ['a'], many: ['a'], tf: ['true'] })
    const view = learnerQuizView(
      quiz,
      { ...graded, submittedAt: '2026-12-04T00:00:00.000Z', durationMs: null },
      scope('l1'),
    )
    expect(view.quiz.questions.map((q) => q.options.length)).toEqual([4, 3, 2])
    const ids = [
      ...view.quiz.questions.flatMap((q) => q.options.map((o) => o.id)),
      ...(view.lastAttempt?.questions.flatMap((q) => [...q.chosen, ...q.correctOptions]) ?? []),
    ]
    for (const id of ids) expect(realIds.has(id)).toBe(false)
  })
})
