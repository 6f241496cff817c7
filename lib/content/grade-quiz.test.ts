import { describe, expect, it } from 'vitest'
import { gradeQuiz } from './grade-quiz'
import type { Quiz } from './schema'

const options = [
  { id: 'a', text: 'A' },
  { id: 'b', text: 'B' },
  { id: 'c', text: 'C' },
]
const quiz: Quiz = {
  questions: [
    {
      id: 'one',
      type: 'single',
      prompt: 'Pick the first one',
      options,
      correct: ['a'],
      explanation: 'A is first, B and C come later.',
    },
    {
      id: 'many',
      type: 'multiple',
      prompt: 'Pick the first two',
      options,
      correct: ['a', 'b'],
      explanation: 'A and B, not C.',
    },
    {
      id: 'tf',
      type: 'true-false',
      prompt: 'This is true, right?',
      options: [
        { id: 'true', text: 'True' },
        { id: 'false', text: 'False' },
      ],
      correct: ['true'],
      explanation: 'It is true.',
    },
    {
      id: 'four',
      type: 'single',
      prompt: 'Pick the third one',
      options,
      correct: ['c'],
      explanation: 'C is third in the list.',
    },
  ],
}

describe('gradeQuiz', () => {
  it('scores exact answers, in any order', () => {
    const graded = gradeQuiz(quiz, { one: ['a'], many: ['b', 'a'], tf: ['true'], four: ['c'] })
    expect(graded.score).toBe(4)
    expect(graded.total).toBe(4)
  })

  it('gives no partial credit for an incomplete multiple choice', () => {
    const graded = gradeQuiz(quiz, { one: ['a'], many: ['a'], tf: ['false'] })
    expect(graded.score).toBe(1)
    expect(graded.questions.find((q) => q.id === 'many')).toMatchObject({ correct: false, correctOptions: ['a', 'b'] })
    expect(graded.questions.find((q) => q.id === 'four')).toMatchObject({ correct: false, chosen: [] })
  })

  it('ignores option ids that are not in the question', () => {
    expect(gradeQuiz(quiz, { one: ['a', 'zzz'] }).questions[0]).toMatchObject({ correct: true, chosen: ['a'] })
  })
})
