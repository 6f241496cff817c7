import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { defuseFormula, gradebookCsv } from './gradebook'
import { buildGrid } from './grid'

describe('gradebookCsv', () => {
  const csv = gradebookCsv({
    roster: [
      { userId: 'u1', name: 'Ada, "the first"', email: 'ada@example.test', learnerId: 'a' },
      { userId: 'u2', name: '=HYPERLINK("http://evil")', email: 'eve@example.test', learnerId: null },
    ],
    lessons: [
      { section: 's3', title: 'Amazon S3', labs: 1 },
      { section: 'sqs', title: 'Amazon SQS', labs: 0 },
    ],
    grid: buildGrid(
      {
        visits: [],
        submissions: [{ learnerId: 'a', section: 's3', bestScore: 4, total: 4, attempts: 1 }],
        passes: [{ learnerId: 'a', labId: 'lab' }],
      },
      () => 's3',
    ),
  })

  it('writes one row per learner and lesson, quoted properly', () => {
    const records: string[][] = parse(csv)
    expect(records[0]).toEqual([
      'learner_name',
      'learner_email',
      'lesson',
      'lesson_title',
      'status',
      'best_quiz_score',
      'quiz_total',
      'quiz_attempts',
      'labs_passed',
      'labs_total',
    ])
    expect(records).toHaveLength(5)
    expect(records[1]).toEqual([
      'Ada, "the first"',
      'ada@example.test',
      's3',
      'Amazon S3',
      'completed',
      '4',
      '4',
      '1',
      '1',
      '1',
    ])
    expect(records[4]).toEqual([
      `'=HYPERLINK("http://evil")`,
      'eve@example.test',
      'sqs',
      'Amazon SQS',
      'not-started',
      '',
      '',
      '0',
      '0',
      '0',
    ])
  })

  it('defuses spreadsheet formulas', () => {
    expect(defuseFormula('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(defuseFormula('Ada')).toBe('Ada')
  })
})
