import { describe, expect, it } from 'vitest'
import { drawExam, examSize, gradeExam, publicExam, type ExamLesson } from './exam'
import type { QuizQuestion } from './schema'

const question = (id: string, scenario: boolean): QuizQuestion => ({
  id,
  type: 'single',
  ...(scenario ? { kind: 'scenario' as const } : {}),
  prompt: `Question ${id} asks something worth asking?`,
  options: ['a', 'b', 'c', 'd'].map((o) => ({ id: o, text: `${id} option ${o}` })),
  correct: ['c'],
  explanation: `Because ${id} is answered by option c.`,
})

const lesson = (section: string, count: number, scenarios = 2): ExamLesson => ({
  section,
  title: `Lesson ${section}`,
  quiz: { questions: Array.from({ length: count }, (_, i) => question(`q${i}`, i < scenarios)) },
})

const lessons = Array.from({ length: 11 }, (_, i) => lesson(`lesson-${i}`, 6))
const seed = { learnerId: 'learner-1', part: 'networking', attempt: 1 }
const secret = 'exam-test-secret-0123456789abcdef'

describe('drawExam', () => {
  it('draws 20–30 questions, every lesson at least once, no duplicates', () => {
    const exam = drawExam(lessons, seed)
    expect(exam).toHaveLength(22)
    expect(new Set(exam.map((q) => q.key)).size).toBe(exam.length)
    expect(new Set(exam.map((q) => q.section)).size).toBe(lessons.length)
  })

  it('prefers scenario questions', () => {
    // two scenarios per lesson and two questions per lesson: every drawn question is a scenario
    expect(drawExam(lessons, seed).every((q) => q.question.kind === 'scenario')).toBe(true)
  })

  it('is stable for a learner and attempt, and differs across attempts and learners', () => {
    const keys = (s: typeof seed) => drawExam(lessons, s).map((q) => q.key)
    expect(keys(seed)).toEqual(keys(seed))
    expect(keys({ ...seed, attempt: 2 })).not.toEqual(keys(seed))
    expect(keys({ ...seed, learnerId: 'learner-2' })).not.toEqual(keys(seed))
  })

  it('keeps within 30 for large parts and uses everything in small ones', () => {
    const many = Array.from({ length: 40 }, (_, i) => lesson(`l-${i}`, 5))
    expect(drawExam(many, seed)).toHaveLength(30)
    expect(examSize([lesson('only', 6)])).toBe(6)
    expect(examSize(Array.from({ length: 3 }, (_, i) => lesson(`s-${i}`, 6)))).toBe(18)
    expect(examSize(Array.from({ length: 8 }, (_, i) => lesson(`m-${i}`, 6)))).toBe(20)
  })
})

describe('gradeExam', () => {
  const exam = drawExam(lessons, seed)
  const shown = publicExam(exam, lessons, secret, seed.learnerId)
  const optionFor = (key: string, text: string) => {
    const q = shown.find((s) => s.key === key)
    const option = q?.options.find((o) => o.text.endsWith(text))
    if (!option) throw new Error(`no option ${text} in ${key}`)
    return option.id
  }

  it('shows no authored option ids, answers or explanations', () => {
    const json = JSON.stringify(shown)
    expect(json).not.toMatch(/"id":"[a-d]"/)
    expect(json).not.toContain('explanation')
    expect(json).not.toContain('correct')
  })

  it('scores per lesson and reviews misses with explanation and lesson', () => {
    const answers = Object.fromEntries(
      exam.map((q, i) => [q.key, [optionFor(q.key, i === 0 ? 'option a' : 'option c')]]),
    )
    const graded = gradeExam(exam, lessons, secret, seed.learnerId, answers)
    if ('error' in graded) throw new Error(graded.error)
    const { result } = graded
    // what is stored: authored ids per exam key, never the opaque ones
    expect(graded.answers[exam[0]?.key ?? '']).toEqual(['a'])
    expect(graded.answers[exam[1]?.key ?? '']).toEqual(['c'])
    expect(result.score).toBe(exam.length - 1)
    expect(result.total).toBe(exam.length)
    expect(result.lessons.reduce((n, l) => n + l.total, 0)).toBe(exam.length)
    expect(result.lessons.map((l) => l.section)).toEqual(lessons.map((l) => l.section))
    const missed = exam[0]
    expect(result.misses).toEqual([
      expect.objectContaining({
        key: missed?.key,
        section: missed?.section,
        chosen: [expect.stringContaining('option a')],
        correct: [expect.stringContaining('option c')],
        explanation: expect.stringContaining('answered by option c'),
      }),
    ])
  })

  it('counts unanswered questions as missed', () => {
    const graded = gradeExam(exam, lessons, secret, seed.learnerId, {})
    if ('error' in graded) throw new Error(graded.error)
    const { result } = graded
    expect(result.score).toBe(0)
    expect(result.misses).toHaveLength(exam.length)
  })

  it('refuses keys outside the exam and option ids not issued to this learner', () => {
    expect(gradeExam(exam, lessons, secret, seed.learnerId, { 'lesson-0/nope': [] })).toHaveProperty('error')
    const key = exam[0]?.key ?? ''
    expect(gradeExam(exam, lessons, secret, seed.learnerId, { [key]: ['c'] })).toHaveProperty('error')
    const foreign = publicExam(exam, lessons, secret, 'learner-2').find((q) => q.key === key)?.options[0]?.id ?? ''
    expect(gradeExam(exam, lessons, secret, seed.learnerId, { [key]: [foreign] })).toHaveProperty('error')
  })
})
