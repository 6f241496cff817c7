import { describe, expect, it } from 'vitest'
import { continueTarget } from './continue-target'

const lessons = ['s3', 'ebs', 'efs', 'fsx'].map((section) => ({ section }))

describe('continueTarget', () => {
  it('points at the lesson the learner was last in while it is not finished', () => {
    expect(continueTarget(lessons, () => false, 'ebs')).toEqual({ lesson: { section: 'ebs' } })
  })

  it('after a finished lesson, points at the next one not yet complete', () => {
    const done = new Set(['ebs', 'efs'])
    expect(continueTarget(lessons, (s) => done.has(s), 'ebs')).toEqual({
      lesson: { section: 'fsx' },
      finished: { section: 'ebs' },
    })
  })

  it('has nothing to continue when there is no last lesson or everything after it is done', () => {
    expect(continueTarget(lessons, () => false, undefined)).toBeUndefined()
    expect(continueTarget(lessons, () => true, 'efs')).toBeUndefined()
  })
})
