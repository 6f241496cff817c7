import { describe, expect, it } from 'vitest'
import { buildTimeline } from './timeline'

const at = (minute: number) => new Date(Date.UTC(2026, 11, 4, 12, minute))

describe('buildTimeline', () => {
  it('merges reading, quizzes, checks, runs and solution views newest first, marking the completing quiz', () => {
    const entries = buildTimeline({
      visits: [{ section: 's3', readPercent: 80, lastVisitedAt: at(1) }],
      quizzes: [
        { section: 's3', score: 5, total: 6, durationMs: 60_000, createdAt: at(5) },
        { section: 's3', score: 2, total: 6, durationMs: null, createdAt: at(3) },
        { section: 's3', score: 6, total: 6, durationMs: null, createdAt: at(7) },
      ],
      checks: [
        {
          labId: 's3-versioning',
          status: 'fail',
          result: JSON.stringify({
            status: 'fail',
            expectations: [{ name: 'Versioning', status: 'fail', expected: 'Enabled', actual: 'Suspended' }],
          }),
          createdAt: at(9),
        },
        { labId: 's3-versioning', status: 'fail', result: '<not json>', createdAt: at(10) },
      ],
      runs: [
        {
          scope: 'lab:s3-versioning',
          status: 'pass',
          message: null,
          durationMs: 800,
          code: 'console.log(1)',
          calls: JSON.stringify([{ service: 'S3', operation: 'PutBucketVersioning', durationMs: 3, ok: true }]),
          createdAt: at(8),
        },
        {
          scope: 'lesson:s3',
          status: 'error',
          message: 'boom',
          durationMs: 5,
          code: 'x',
          calls: 'oops',
          createdAt: at(2),
        },
      ],
      reveals: [{ labId: 's3-versioning', reason: 'asked', revealedAt: at(11) }],
    })
    expect(entries.map((e) => e.kind)).toEqual([
      'solution',
      'check',
      'check',
      'run',
      'quiz',
      'lesson-completed',
      'quiz',
      'quiz',
      'run',
      'lesson-read',
    ])
    expect(entries.find((e) => e.kind === 'lesson-completed')).toMatchObject({ at: at(5), score: 5 })
    expect(entries[1]).toMatchObject({ kind: 'check', expectations: [], message: expect.stringMatching(/could not/) })
    expect(entries[2]).toMatchObject({ kind: 'check', expectations: [{ name: 'Versioning', actual: 'Suspended' }] })
    expect(entries[3]).toMatchObject({
      kind: 'run',
      calls: [{ service: 'S3', operation: 'PutBucketVersioning', ok: true }],
    })
    expect(entries[8]).toMatchObject({ kind: 'run', calls: [], message: 'boom' })
  })
})
