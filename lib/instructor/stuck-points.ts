import { resultSchema } from '../results'

/** One stored check (LabAttempt): `result` is the results-shape JSON (lib/results.ts). */
export type AttemptRow = { learnerId: string; labId: string; result: string }

export type ExpectationStats = {
  name: string
  step: number | null
  /** failing checks that reported it */
  failures: number
  /** learners who failed it at least once, and how many of them passed it later */
  learnersFailing: number
  learnersFixed: number
  /** the latest expected/actual pair reported, as an example */
  example: { expected?: string; actual?: string } | null
}

export type LabStuckPoints = {
  labId: string
  checks: number
  learners: number
  learnersPassed: number
  /** most learners failing first */
  expectations: ExpectationStats[]
  /** rows whose JSON did not match the results shape (never trusted, only counted) */
  unreadable: number
}

function parseResult(json: string) {
  try {
    const parsed = resultSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * Per lab, the expectations that fail most over a class's checks (rows in the order they were made, oldest first).
 * An expectation counts as fixed for a learner when a later check of theirs reports it passing.
 */
export function labStuckPoints(rows: AttemptRow[]): LabStuckPoints[] {
  type Acc = {
    checks: number
    learners: Set<string>
    passed: Set<string>
    unreadable: number
    expectations: Map<string, ExpectationStats & { failing: Set<string>; fixed: Set<string> }>
  }
  const labs = new Map<string, Acc>()
  for (const row of rows) {
    let lab = labs.get(row.labId)
    if (!lab) {
      lab = { checks: 0, learners: new Set(), passed: new Set(), unreadable: 0, expectations: new Map() }
      labs.set(row.labId, lab)
    }
    lab.checks++
    lab.learners.add(row.learnerId)
    const result = parseResult(row.result)
    if (!result) {
      lab.unreadable++
      continue
    }
    if (result.status === 'pass') lab.passed.add(row.learnerId)
    for (const e of result.expectations) {
      let stats = lab.expectations.get(e.name)
      if (!stats) {
        stats = {
          name: e.name,
          step: e.step ?? null,
          failures: 0,
          learnersFailing: 0,
          learnersFixed: 0,
          example: null,
          failing: new Set(),
          fixed: new Set(),
        }
        lab.expectations.set(e.name, stats)
      }
      if (e.status === 'fail') {
        stats.failures++
        stats.failing.add(row.learnerId)
        stats.fixed.delete(row.learnerId)
        stats.example = { expected: e.expected, actual: e.actual }
      } else if (stats.failing.has(row.learnerId)) stats.fixed.add(row.learnerId)
    }
  }
  return [...labs]
    .map(([labId, lab]) => ({
      labId,
      checks: lab.checks,
      learners: lab.learners.size,
      learnersPassed: lab.passed.size,
      unreadable: lab.unreadable,
      expectations: [...lab.expectations.values()]
        .filter((s) => s.failures > 0)
        .map(({ failing, fixed, ...s }) => ({ ...s, learnersFailing: failing.size, learnersFixed: fixed.size }))
        .sort(
          (a, b) => b.learnersFailing - a.learnersFailing || b.failures - a.failures || a.name.localeCompare(b.name),
        ),
    }))
    .sort(
      (a, b) =>
        (b.expectations[0]?.learnersFailing ?? 0) - (a.expectations[0]?.learnersFailing ?? 0) ||
        a.labId.localeCompare(b.labId),
    )
}
