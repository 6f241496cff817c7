import { createHash } from 'node:crypto'
import GithubSlugger from 'github-slugger'
import { resultSchema } from '../results'

/** xAPI 1.0.3 statements (ADL verbs), built from the progress tables; no database here. */
type Verb = 'launched' | 'attempted' | 'answered' | 'completed' | 'passed' | 'failed'

export type Statement = {
  id: string
  actor: { objectType: 'Agent'; name: string; mbox: string }
  verb: { id: string; display: { 'en-US': Verb } }
  object: { objectType: 'Activity'; id: string; definition: { name: { 'en-US': string }; type: string } }
  result?: {
    success?: boolean
    completion?: boolean
    response?: string
    score?: { raw: number; min: number; max: number; scaled: number }
  }
  timestamp: string
}

export type Actor = { name: string; email: string }
export type XapiRows = {
  visits: { actor: Actor; section: string; title: string; at: Date }[]
  quizzes: {
    id: string
    actor: Actor
    section: string
    title: string
    answers: string
    score: number
    total: number
    passRatio: number
    at: Date
  }[]
  labs: { id: string; actor: Actor; labId: string; title: string; result: string; at: Date }[]
}

const ACTIVITY_TYPES = {
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  quiz: 'http://adlnet.gov/expapi/activities/assessment',
  question: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  lab: 'http://adlnet.gov/expapi/activities/simulation',
  check: 'http://adlnet.gov/expapi/activities/objective',
}

/** A stable UUID from a key, so exporting twice yields the same statement ids (an LRS then deduplicates). */
export function stableUuid(key: string): string {
  const h = createHash('sha1').update(key).digest('hex')
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`
}

export function buildStatements(base: string, rows: XapiRows): Statement[] {
  const root = base.replace(/\/$/, '')
  const statement = (
    key: string,
    actor: Actor,
    verb: Verb,
    object: { id: string; name: string; type: string },
    at: Date,
    result?: Statement['result'],
  ): Statement => ({
    id: stableUuid(`${key}|${verb}|${object.id}`),
    actor: { objectType: 'Agent', name: actor.name, mbox: `mailto:${actor.email}` },
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
    object: {
      objectType: 'Activity',
      id: object.id,
      definition: { name: { 'en-US': object.name }, type: object.type },
    },
    ...(result ? { result } : {}),
    timestamp: at.toISOString(),
  })
  const out: Statement[] = []
  for (const v of rows.visits) {
    const lesson = { id: `${root}/lessons/${v.section}`, name: v.title, type: ACTIVITY_TYPES.lesson }
    out.push(statement(`visit|${v.actor.email}|${v.section}`, v.actor, 'launched', lesson, v.at))
  }
  const completed = new Set<string>()
  for (const q of rows.quizzes) {
    const quiz = { id: `${root}/lessons/${q.section}/quiz`, name: `${q.title} quiz`, type: ACTIVITY_TYPES.quiz }
    const passed = q.total > 0 && q.score / q.total >= q.passRatio
    const score = { raw: q.score, min: 0, max: q.total, scaled: q.total ? q.score / q.total : 0 }
    out.push(statement(q.id, q.actor, passed ? 'passed' : 'failed', quiz, q.at, { success: passed, score }))
    for (const [questionId, chosen] of Object.entries(parseAnswers(q.answers))) {
      const question = {
        id: `${quiz.id}/${questionId}`,
        name: `${q.title}: ${questionId}`,
        type: ACTIVITY_TYPES.question,
      }
      out.push(
        statement(`${q.id}|${questionId}`, q.actor, 'answered', question, q.at, { response: chosen.join('[,]') }),
      )
    }
    const lessonKey = `${q.actor.email}|${q.section}`
    if (passed && !completed.has(lessonKey)) {
      completed.add(lessonKey)
      const lesson = { id: `${root}/lessons/${q.section}`, name: q.title, type: ACTIVITY_TYPES.lesson }
      out.push(statement(q.id, q.actor, 'completed', lesson, q.at, { completion: true }))
    }
  }
  for (const l of rows.labs) {
    const lab = { id: `${root}/labs/${l.labId}`, name: l.title, type: ACTIVITY_TYPES.lab }
    const parsed = resultSchema.safeParse(safeJson(l.result))
    const status = parsed.success ? parsed.data.status : 'error'
    out.push(statement(l.id, l.actor, 'attempted', lab, l.at))
    out.push(
      statement(l.id, l.actor, status === 'pass' ? 'passed' : 'failed', lab, l.at, { success: status === 'pass' }),
    )
    const slugger = new GithubSlugger()
    for (const e of parsed.success ? parsed.data.expectations : []) {
      const check = { id: `${lab.id}/checks/${slugger.slug(e.name)}`, name: e.name, type: ACTIVITY_TYPES.check }
      out.push(
        statement(l.id, l.actor, e.status === 'pass' ? 'passed' : 'failed', check, l.at, {
          success: e.status === 'pass',
        }),
      )
    }
  }
  return out.sort((a, b) => a.timestamp.localeCompare(b.timestamp))
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function parseAnswers(text: string): Record<string, string[]> {
  const value = safeJson(text)
  if (typeof value !== 'object' || value === null) return {}
  return Object.fromEntries(
    Object.entries(value).flatMap(([id, chosen]) =>
      Array.isArray(chosen) ? [[id, chosen.filter((c): c is string => typeof c === 'string')]] : [],
    ),
  )
}
