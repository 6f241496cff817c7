import { describe, expect, it } from 'vitest'
import type { Quiz } from '../content/schema'
import { itemAnalysis } from './item-analysis'

const options = [
  { id: 'a', text: 'Alpha' },
  { id: 'b', text: 'Bravo' },
  { id: 'c', text: 'Charlie' },
]
const quiz: Quiz = {
  questions: [
    {
      id: 'easy',
      type: 'single',
      prompt: 'Everyone knows this one?',
      options,
      correct: ['a'],
      explanation: 'Alpha is right, as everyone knows.',
    },
    {
      id: 'hard',
      type: 'single',
      prompt: 'Only the strong get this?',
      options,
      correct: ['b'],
      explanation: 'Bravo is right for reasons given.',
    },
  ],
}

describe('itemAnalysis', () => {
  it('reports percent correct, the most chosen wrong option and discrimination', () => {
    const stats = itemAnalysis(quiz, [
      { easy: ['a'], hard: ['b'] },
      { easy: ['a'], hard: ['b'] },
      { easy: ['a'], hard: ['c'] },
      { easy: ['a'], hard: ['c'] },
      { easy: ['b'], hard: ['a'] },
    ])
    expect(stats[0]).toMatchObject({
      questionId: 'easy',
      answered: 5,
      percentCorrect: 80,
      topWrongOption: { id: 'b', text: 'Bravo', count: 1 },
    })
    expect(stats[1]).toMatchObject({ questionId: 'hard', percentCorrect: 40, topWrongOption: { id: 'c', count: 2 } })
    // top 27 % (1 learner) got "hard" right, bottom 27 % (1 learner) did not
    expect(stats[1]?.discrimination).toBe(1)
  })

  it('stays quiet without data', () => {
    expect(itemAnalysis(quiz, [])).toEqual([
      {
        questionId: 'easy',
        prompt: 'Everyone knows this one?',
        answered: 0,
        percentCorrect: null,
        topWrongOption: null,
        discrimination: null,
      },
      {
        questionId: 'hard',
        prompt: 'Only the strong get this?',
        answered: 0,
        percentCorrect: null,
        topWrongOption: null,
        discrimination: null,
      },
    ])
  })
})
