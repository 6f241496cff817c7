import { describe, expect, it } from 'vitest'
import { lessonBars, scoreHistogram } from './charts'

const quiz = [
  { section: 's3', bucket: 10, learners: 3, completed: 3 },
  { section: 's3', bucket: 5, learners: 2, completed: 0 },
  { section: 'sqs', bucket: 0, learners: 1, completed: 0 },
  { section: 'gone', bucket: 7, learners: 4, completed: 4 },
]

describe('class charts data', () => {
  it('counts per lesson who started it, took its quiz and completed it', () => {
    const bars = lessonBars(
      [
        { section: 's3', title: 'S3' },
        { section: 'sqs', title: 'SQS' },
        { section: 'ec2', title: 'EC2' },
      ],
      [
        { section: 's3', learners: 9 },
        { section: 'ec2', learners: 1 },
      ],
      quiz,
    )
    expect(bars).toEqual([
      { section: 's3', title: 'S3', started: 9, quizTaken: 5, completed: 3 },
      { section: 'sqs', title: 'SQS', started: 1, quizTaken: 1, completed: 0 },
      { section: 'ec2', title: 'EC2', started: 1, quizTaken: 0, completed: 0 },
    ])
  })

  it('bins best scores by tens, 100 % with the top bin, optionally only for current lessons', () => {
    const bins = scoreHistogram(quiz)
    expect(bins).toHaveLength(10)
    expect(bins.map((b) => b.learners)).toEqual([1, 0, 0, 0, 0, 2, 0, 4, 0, 3])
    expect(bins[9]?.label).toBe('90–100 %')
    expect(scoreHistogram(quiz, new Set(['s3', 'sqs'])).map((b) => b.learners)).toEqual([1, 0, 0, 0, 0, 2, 0, 0, 0, 3])
  })
})
