// Helpers shared by lab checks. Checks run in the same sandbox as learner code, with the learner's credentials,
// and return the one results shape (lib/results.ts) so every lab reads the same in the UI and in CI.
export type Expectation = { name: string; status: 'pass' | 'fail'; expected?: string; actual?: string; hint?: string }
export type Result = { status: 'pass' | 'fail' | 'error'; message?: string; expectations: Expectation[] }

export function expectEqual(name: string, actual: string, expected: string, hint?: string): Expectation {
  return {
    name,
    status: actual === expected ? 'pass' : 'fail',
    expected,
    actual,
    hint: actual === expected ? undefined : hint,
  }
}

export function expectAtLeast(name: string, actual: number, expected: number, hint?: string): Expectation {
  const pass = actual >= expected
  return {
    name,
    status: pass ? 'pass' : 'fail',
    expected: `at least ${expected}`,
    actual: String(actual),
    hint: pass ? undefined : hint,
  }
}

export function resultOf(expectations: Expectation[]): Result {
  const failed = expectations.filter((e) => e.status === 'fail').length
  return {
    status: failed ? 'fail' : 'pass',
    message: failed
      ? `${failed} of ${expectations.length} expectations not met yet`
      : 'All expectations met — well done!',
    expectations,
  }
}
