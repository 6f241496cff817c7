import { describe, expect, it } from 'vitest'
import { buildGrid, cellFor } from './grid'

describe('buildGrid', () => {
  const grid = buildGrid(
    {
      visits: [
        { learnerId: 'a', section: 's3', readPercent: 40 },
        { learnerId: 'a', section: 'sqs', readPercent: 0 },
        { learnerId: 'b', section: 'sqs', readPercent: 100 },
      ],
      submissions: [
        { learnerId: 'a', section: 's3', bestScore: 3, total: 4, attempts: 2 },
        { learnerId: 'b', section: 'sqs', bestScore: 1, total: 4, attempts: 1 },
      ],
      passes: [
        { learnerId: 'a', labId: 's3-versioning' },
        { learnerId: 'a', labId: 's3-versioning' },
        { learnerId: 'b', labId: 'gone-lab' },
      ],
    },
    (lab) => (lab === 's3-versioning' ? 's3' : undefined),
  )

  it('completes a lesson by a passed quiz, keeps the best score and counts attempts and passed labs once', () => {
    expect(cellFor(grid, 'a', 's3')).toEqual({
      status: 'completed',
      bestScore: 3,
      total: 4,
      quizAttempts: 2,
      labsPassed: 1,
    })
  })

  it('marks reading or a failed quiz as in progress and nothing as not started', () => {
    expect(cellFor(grid, 'b', 'sqs')).toMatchObject({ status: 'in-progress', bestScore: 1 })
    expect(cellFor(grid, 'a', 'sqs').status).toBe('not-started')
    expect(cellFor(grid, null, 's3').status).toBe('not-started')
    expect(cellFor(grid, 'c', 's3').status).toBe('not-started')
  })
})
