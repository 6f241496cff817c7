import { describe, expect, it } from 'vitest'
import type { Result } from '../results'
import { labStuckPoints } from './stuck-points'

const check = (learnerId: string, labId: string, failing: string[], passing: string[] = []) => {
  const result: Result = {
    status: failing.length ? 'fail' : 'pass',
    expectations: [
      ...passing.map((name) => ({ name, status: 'pass' as const })),
      ...failing.map((name) => ({
        name,
        status: 'fail' as const,
        expected: 'Enabled',
        actual: `${learnerId}'s value`,
      })),
    ],
  }
  return { learnerId, labId, result: JSON.stringify(result) }
}

describe('labStuckPoints', () => {
  it('ranks the expectations of a lab by how many learners they stopped, and counts who fixed them', () => {
    const [lab] = labStuckPoints([
      check('ada', 's3', ['Versioning', 'Tags']),
      check('bob', 's3', ['Versioning']),
      check('cy', 's3', ['Versioning'], ['Tags']),
      check('ada', 's3', ['Tags'], ['Versioning']),
      check('ada', 's3', [], ['Versioning', 'Tags']),
    ])
    expect(lab).toMatchObject({ labId: 's3', checks: 5, learners: 3, learnersPassed: 1, unreadable: 0 })
    expect(lab?.expectations).toEqual([
      {
        name: 'Versioning',
        step: null,
        failures: 3,
        learnersFailing: 3,
        learnersFixed: 1,
        example: { expected: 'Enabled', actual: "cy's value" },
      },
      {
        name: 'Tags',
        step: null,
        failures: 2,
        learnersFailing: 1,
        learnersFixed: 1,
        example: { expected: 'Enabled', actual: "ada's value" },
      },
    ])
  })

  it('counts rows that are not the results shape without trusting them, and orders labs by their worst point', () => {
    const labs = labStuckPoints([
      { learnerId: 'x', labId: 'quiet', result: '{"status":"pass","expectations":[]}' },
      { learnerId: 'x', labId: 'quiet', result: 'not json' },
      { learnerId: 'x', labId: 'quiet', result: '{"status":"weird"}' },
      check('a', 'hard', ['Queue exists']),
      check('b', 'hard', ['Queue exists']),
    ])
    expect(labs.map((l) => l.labId)).toEqual(['hard', 'quiet'])
    expect(labs[1]).toMatchObject({ checks: 3, unreadable: 2, learnersPassed: 1, expectations: [] })
  })
})
