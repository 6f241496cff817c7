import { describe, expect, it } from 'vitest'
import { buildStatements, stableUuid } from './xapi'

const ada = { name: 'Ada', email: 'ada@example.test' }
const at = new Date('2026-12-01T10:00:00Z')

describe('buildStatements', () => {
  const statements = buildStatements('https://cloudbook.example/', {
    visits: [{ actor: ada, section: 's3', title: 'Amazon S3', at }],
    quizzes: [
      {
        id: 'q1',
        actor: ada,
        section: 's3',
        title: 'Amazon S3',
        answers: '{"a":["x"],"b":["y","z"]}',
        score: 5,
        total: 6,
        passRatio: 0.7,
        at,
      },
    ],
    labs: [
      {
        id: 'l1',
        actor: ada,
        labId: 's3-versioning',
        title: 'Keep every version',
        result: JSON.stringify({ status: 'fail', expectations: [{ name: 'Bucket versioning', status: 'fail' }] }),
        at,
      },
    ],
  })

  it('uses ADL verbs and one activity IRI per lesson, quiz, question, lab and check', () => {
    const summary = statements.map((s) => `${s.verb.display['en-US']} ${s.object.id}`)
    expect(summary).toEqual(
      expect.arrayContaining([
        'launched https://cloudbook.example/lessons/s3',
        'passed https://cloudbook.example/lessons/s3/quiz',
        'answered https://cloudbook.example/lessons/s3/quiz/a',
        'completed https://cloudbook.example/lessons/s3',
        'attempted https://cloudbook.example/labs/s3-versioning',
        'failed https://cloudbook.example/labs/s3-versioning',
        'failed https://cloudbook.example/labs/s3-versioning/checks/bucket-versioning',
      ]),
    )
    expect(statements.every((s) => s.verb.id.startsWith('http://adlnet.gov/expapi/verbs/'))).toBe(true)
    expect(statements.find((s) => s.object.id.endsWith('/quiz/b'))?.result?.response).toBe('y[,]z')
    expect(statements.find((s) => s.verb.display['en-US'] === 'passed')?.result?.score).toEqual({
      raw: 5,
      min: 0,
      max: 6,
      scaled: 5 / 6,
    })
    expect(statements[0]?.actor).toEqual({ objectType: 'Agent', name: 'Ada', mbox: 'mailto:ada@example.test' })
  })

  it('gives statements stable, unique UUIDs', () => {
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length)
    expect(stableUuid('x')).toBe(stableUuid('x'))
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
