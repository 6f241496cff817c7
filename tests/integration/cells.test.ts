import { afterAll, describe, expect, it } from 'vitest'
import { extractCells, listLessonDirs, readLessonDir } from '@/lib/content/lesson-files'
import { closeAll, freshAccountOf, freshLearner, run, type Backend } from './helpers'

afterAll(closeAll)

// one environment for this file, a fresh empty account in it for every cell
const learner = freshLearner()

// Every cell of every lesson runs green on the default backend, in a fresh account, through the same
// runner learners use. The S3 lesson's cells are the cross-backend conformance set and also run on LocalStack.
const cells = listLessonDirs()
  .map(readLessonDir)
  .flatMap((lesson) => extractCells(lesson.body).map((cell) => ({ section: lesson.section, cell })))

const CONFORMANCE_SECTIONS = new Set(['s3'])
const cases = cells.flatMap(({ section, cell }) => {
  const backends: Backend[] = CONFORMANCE_SECTIONS.has(section) ? ['ministack', 'localstack'] : ['ministack']
  return backends.map((backend) => ({
    name: `${backend}: ${section} cell ${cell.index}${cell.title ? ` (${cell.title})` : ''}`,
    code: cell.code,
    timeoutMs: cell.timeoutSeconds === undefined ? undefined : cell.timeoutSeconds * 1000,
    backend,
  }))
})

describe('lesson cells', () => {
  it('exist for the S3 lesson (the conformance set)', () => {
    expect(cells.filter((c) => c.section === 's3').length).toBeGreaterThan(0)
  })

  it.each(cases)(
    '$name',
    async ({ code, backend, timeoutMs }) => {
      const outcome = await run(code, freshAccountOf(learner), { backend, timeoutMs })
      expect(outcome.result, `${outcome.stdout}\n${outcome.stderr}`).toEqual({ status: 'pass', expectations: [] })
    },
    70_000,
  )
})
