import { minutesText } from '../progress/when'

/**
 * "Who is stuck now", from the learners' recent activity (pure: lib/instructor/class-stuck.ts loads the events).
 *
 * A step is where the work happens: "lab:<labId>" or "lesson:<section>" (the scopes CodeRun uses). Two signs of being
 * stuck, both only for learners active in the last few minutes:
 * - repeated failing checks: FAILING_CHECKS or more failing checks on one lab in the last FAILING_WINDOW minutes,
 *   none passing since;
 * - a long time on one step without progress: the learner's latest work (runs, checks, quiz attempts, draft saves)
 *   has been on one step for LONG_ON_STEP minutes or more, with no pause over STREAK_GAP minutes, and no progress
 *   on it meanwhile (a passing check on a lab; a passed quiz or a run that worked in a lesson).
 */
export const STUCK_RULES = {
  failingChecks: 3,
  failingWindowMinutes: 30,
  activeWithinMinutes: 10,
  longOnStepMinutes: 25,
  streakGapMinutes: 20,
}
export type StuckRules = typeof STUCK_RULES

/** How far back the loader reads activity: the longest rule's reach, with room for the streak before it. */
export const LOOKBACK_MINUTES = 120

export type ActivityKind = 'run' | 'check' | 'quiz' | 'visit' | 'draft'
export type FailingExpectation = { name: string; expected?: string; actual?: string }
export type ActivityEvent = {
  learnerId: string
  at: Date
  step: string
  kind: ActivityKind
  /** runs and checks: passed; quizzes: reached the pass mark; visits and draft saves: null */
  ok: boolean | null
  /** checks: the expectations that failed */
  failing?: FailingExpectation[]
}

export type StuckReason =
  | {
      kind: 'failing-checks'
      step: string
      failures: number
      windowMinutes: number
      mostFailing: (FailingExpectation & { times: number }) | null
    }
  | { kind: 'long-on-step'; step: string; sinceMs: number; runs: number; checks: number; quizzes: number }

export type StuckLearner = { learnerId: string; lastActivityAt: Date; reasons: StuckReason[] }

const MINUTE = 60_000

/** Progress on a step ends a streak of being stuck there. */
function isProgress(event: ActivityEvent): boolean {
  if (event.ok !== true) return false
  if (event.step.startsWith('lab:')) return event.kind === 'check'
  return event.kind === 'quiz' || event.kind === 'run'
}

function failingChecks(events: ActivityEvent[], now: Date, rules: StuckRules): StuckReason[] {
  const since = now.getTime() - rules.failingWindowMinutes * MINUTE
  const byLab = new Map<string, ActivityEvent[]>()
  for (const e of events) if (e.kind === 'check') byLab.set(e.step, [...(byLab.get(e.step) ?? []), e])
  const reasons: StuckReason[] = []
  for (const [step, checks] of byLab) {
    const lastPass = Math.max(-Infinity, ...checks.filter((c) => c.ok).map((c) => c.at.getTime()))
    const failures = checks.filter((c) => c.ok === false && c.at.getTime() >= since && c.at.getTime() > lastPass)
    if (failures.length < rules.failingChecks) continue
    const counts = new Map<string, FailingExpectation & { times: number }>()
    for (const failure of failures)
      for (const expectation of failure.failing ?? []) {
        const seen = counts.get(expectation.name)
        // keep the latest expected/actual: that is what the learner sees now
        counts.set(expectation.name, { ...expectation, times: (seen?.times ?? 0) + 1 })
      }
    const mostFailing = [...counts.values()].sort((a, b) => b.times - a.times || a.name.localeCompare(b.name))[0]
    reasons.push({
      kind: 'failing-checks',
      step,
      failures: failures.length,
      windowMinutes: rules.failingWindowMinutes,
      mostFailing: mostFailing ?? null,
    })
  }
  return reasons
}

function longOnStep(events: ActivityEvent[], now: Date, rules: StuckRules): StuckReason[] {
  // reading (visits) shows presence, not where the work is: it neither starts nor breaks a streak
  const work = events.filter((e) => e.kind !== 'visit')
  const latest = work[work.length - 1]
  if (!latest || isProgress(latest)) return []
  let start = latest
  const streak: ActivityEvent[] = []
  for (let i = work.length - 1; i >= 0; i--) {
    const event = work[i]
    if (!event || event.step !== latest.step || isProgress(event)) break
    if (start.at.getTime() - event.at.getTime() > rules.streakGapMinutes * MINUTE) break
    streak.push(event)
    start = event
  }
  const sinceMs = now.getTime() - start.at.getTime()
  if (sinceMs < rules.longOnStepMinutes * MINUTE) return []
  const count = (kind: ActivityKind) => streak.filter((e) => e.kind === kind).length
  return [
    {
      kind: 'long-on-step',
      step: latest.step,
      sinceMs,
      runs: count('run'),
      checks: count('check'),
      quizzes: count('quiz'),
    },
  ]
}

/** The learners who look stuck now, most reasons and longest first. */
export function detectStuck(events: ActivityEvent[], now: Date, rules: StuckRules = STUCK_RULES): StuckLearner[] {
  const byLearner = new Map<string, ActivityEvent[]>()
  for (const e of events) if (e.at <= now) byLearner.set(e.learnerId, [...(byLearner.get(e.learnerId) ?? []), e])
  const stuck: StuckLearner[] = []
  for (const [learnerId, own] of byLearner) {
    own.sort((a, b) => a.at.getTime() - b.at.getTime())
    const lastActivityAt = own[own.length - 1]?.at
    if (!lastActivityAt) continue
    const reasons = failingChecks(own, now, rules)
    if (now.getTime() - lastActivityAt.getTime() <= rules.activeWithinMinutes * MINUTE)
      reasons.push(...longOnStep(own, now, rules))
    if (reasons.length) stuck.push({ learnerId, lastActivityAt, reasons })
  }
  const longest = (s: StuckLearner) => Math.max(0, ...s.reasons.map((r) => (r.kind === 'long-on-step' ? r.sinceMs : 0)))
  return stuck.sort((a, b) => b.reasons.length - a.reasons.length || longest(b) - longest(a))
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** One sentence an instructor can act on, e.g. "4 failing checks on S3 versioning in the last 30 min; …". */
export function describeReason(reason: StuckReason, title: (step: string) => string): string {
  if (reason.kind === 'failing-checks') {
    const top = reason.mostFailing
    const detail = top
      ? `; failing most: “${top.name}”${top.expected !== undefined ? ` (expected ${top.expected}, got ${top.actual ?? 'nothing'})` : ''}`
      : ''
    return `${plural(reason.failures, 'failing check')} on ${title(reason.step)} in the last ${reason.windowMinutes} min${detail}`
  }
  const goal = reason.step.startsWith('lab:') ? 'passing its check' : 'completing it'
  const did = [plural(reason.runs, 'run'), plural(reason.checks, 'check'), plural(reason.quizzes, 'quiz attempt')]
    .filter((text) => !text.startsWith('0 '))
    .join(', ')
  return `${minutesText(reason.sinceMs)} on ${title(reason.step)} without ${goal}${did ? ` (${did})` : ''}`
}
