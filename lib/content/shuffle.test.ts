import { describe, expect, it } from 'vitest'
import { gradeQuiz } from './grade-quiz'
import type { Quiz } from './schema'
import { seededShuffle, shuffleOptions, shuffleQuizForLearner } from './shuffle'

const options = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, text: `Option ${id}` }))
const single = { id: 'nat-ha', type: 'single' as const, options }
const ids = (list: { id: string }[]) => list.map((o) => o.id)

describe('seededShuffle', () => {
  it('is stable: the same seed gives the same order every time', () => {
    expect(seededShuffle(options, 'learner-1/vpc/nat-ha')).toEqual(seededShuffle(options, 'learner-1/vpc/nat-ha'))
  })

  it('returns a permutation and leaves the input alone', () => {
    for (let n = 0; n < 200; n++) {
      const shuffled = seededShuffle(options, `seed-${n}`)
      expect([...ids(shuffled)].sort()).toEqual(['a', 'b', 'c', 'd', 'e'])
    }
    expect(ids(options)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('spreads the correct option over every position across seeds', () => {
    // a broken PRNG (constant, or one that never moves the first item) would leave some position empty
    const counts = [0, 0, 0, 0, 0]
    for (let n = 0; n < 1000; n++) {
      const position = ids(seededShuffle(options, `learner-${n}`)).indexOf('b')
      counts[position] = (counts[position] ?? 0) + 1
    }
    for (const count of counts) expect(count).toBeGreaterThan(120)
  })
})

describe('shuffleOptions', () => {
  it('is stable for one learner and question, and differs across learners', () => {
    const first = ids(shuffleOptions(single, 'learner-1', 'vpc'))
    expect(ids(shuffleOptions(single, 'learner-1', 'vpc'))).toEqual(first)
    const orders = new Set(
      Array.from({ length: 20 }, (_, n) => ids(shuffleOptions(single, `learner-${n}`, 'vpc')).join('')),
    )
    expect(orders.size).toBeGreaterThan(10)
  })

  it('differs across questions and sections for the same learner', () => {
    const orders = new Set(
      ['vpc', 's3', 'sqs', 'sns', 'iam', 'kms', 'ec2', 'ebs'].map((section) =>
        ids(shuffleOptions(single, 'learner-1', section)).join(''),
      ),
    )
    expect(orders.size).toBeGreaterThan(4)
  })

  it('keeps true-false in True, False order', () => {
    const tf = {
      id: 'tf',
      type: 'true-false' as const,
      options: [
        { id: 'true', text: 'True' },
        { id: 'false', text: 'False' },
      ],
    }
    for (let n = 0; n < 20; n++) expect(ids(shuffleOptions(tf, `learner-${n}`, 'vpc'))).toEqual(['true', 'false'])
  })
})

describe('shuffleQuizForLearner', () => {
  it('keeps question order, ids, prompts and option texts paired with their ids', () => {
    const quiz = { questions: [single, { ...single, id: 'eip', prompt: 'Why?' }] }
    const shuffled = shuffleQuizForLearner(quiz, 'learner-7', 'vpc')
    expect(shuffled.questions.map((q) => q.id)).toEqual(['nat-ha', 'eip'])
    for (const q of shuffled.questions) {
      for (const o of q.options) expect(o.text).toBe(`Option ${o.id}`)
    }
  })
})

describe('grading a shuffled quiz', () => {
  it('gives the same result whatever order the learner saw, because answers are option ids', () => {
    const quiz: Quiz = {
      questions: [
        { ...single, prompt: 'Pick b', correct: ['b'], explanation: 'b is the right one here.' },
        {
          ...single,
          id: 'many',
          type: 'multiple',
          prompt: 'Pick a and e',
          correct: ['a', 'e'],
          explanation: 'a and e only.',
        },
      ],
    }
    const answers = { 'nat-ha': ['b'], many: ['e', 'a'] }
    for (let n = 0; n < 10; n++) {
      const seen = shuffleQuizForLearner(quiz, `learner-${n}`, 'vpc')
      const shuffled: Quiz = {
        questions: quiz.questions.map((q, i) => ({ ...q, options: seen.questions[i]?.options ?? [] })),
      }
      expect(gradeQuiz(shuffled, answers)).toEqual(gradeQuiz(quiz, answers))
    }
    expect(gradeQuiz(quiz, answers).score).toBe(2)
  })
})
