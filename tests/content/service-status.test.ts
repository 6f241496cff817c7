import { describe, expect, it } from 'vitest'
import { listLessonDirs, readLessonDir } from '@/lib/content/lesson-files'

// The rule (docs/authoring.md, "Closed and closing services"): the summary is where a lesson says what happened to its
// own service, so a summary that calls the service closed, retired or out of support must come with a `status` field,
// and a lesson with a `status` must say so in its summary and body. Closures of single features (S3 Select, Lex V1,
// CloudTrail Lake) are mentioned in many lessons' bodies and do not make the whole service closed, so the body alone
// does not trigger the rule.
const CLOSURE =
  /closed to new customers|no longer (?:open|available) to new customers|end of support|support ended|\bretired\b|discontinued/i

const lessons = listLessonDirs().map(readLessonDir)
const today = new Date().toISOString().slice(0, 10)

describe('closed and closing services', () => {
  it('gives every lesson whose summary says its service is closed a status field', () => {
    const missing = lessons
      .filter((l) => CLOSURE.test(l.frontmatter.summary) && !l.frontmatter.status)
      .map((l) => `${l.section}: "${l.frontmatter.summary}"`)
    expect(missing).toEqual([])
  })

  it('says so in the summary and the body of every lesson that carries a status', () => {
    const silent = lessons.flatMap((l) => {
      if (!l.frontmatter.status) return []
      const problems: string[] = []
      if (!CLOSURE.test(l.frontmatter.summary)) problems.push(`${l.section}: summary does not mention the closure`)
      if (!CLOSURE.test(l.body)) problems.push(`${l.section}: body does not mention the closure`)
      return problems
    })
    expect(silent).toEqual([])
  })

  it('dates retired services in the past and spells every end-of-support date in the body', () => {
    const problems = lessons.flatMap((l) => {
      const status = l.frontmatter.status
      if (!status?.endOfSupport) return []
      const [year, month, day] = status.endOfSupport.split('-').map(Number)
      const monthName = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, 1)).toLocaleString('en', {
        month: 'long',
        timeZone: 'UTC',
      })
      const out: string[] = []
      if (status.state === 'closed' && status.endOfSupport > today)
        out.push(`${l.section}: "closed" but end of support ${status.endOfSupport} is still ahead; use "closing"`)
      // the badge prints the date, so the lesson text must teach the same day (either "24 July 2027" or "July 24, 2027")
      const spelled = new RegExp(`\\b${day} ${monthName},? ${year}|${monthName} ${day}, ${year}`)
      if (!spelled.test(l.body)) out.push(`${l.section}: body never states end of support ${status.endOfSupport}`)
      return out
    })
    expect(problems).toEqual([])
  })

  it('badges the services the course knows to be closed or closing', () => {
    const badged = lessons.filter((l) => l.frontmatter.status).map((l) => l.section)
    // a floor, not the full list: a lesson may gain a badge, but these must never silently lose theirs
    expect(badged).toEqual(
      expect.arrayContaining([
        'app-runner',
        'cloud-directory',
        'cloud9',
        'data-pipeline',
        'forecast',
        'kendra',
        'kinesis-data-analytics',
        'pinpoint',
        'proton',
        'timestream',
      ]),
    )
  })
})
