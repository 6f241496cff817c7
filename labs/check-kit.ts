// Helpers shared by lab checks. Checks run in their own sandbox with the learner's credentials, against the learner's
// own environment, and return the one results shape (lib/results.ts) so every lab reads the same in the UI and in CI.
export type Expectation = {
  name: string
  status: 'pass' | 'fail'
  expected?: string
  actual?: string
  hint?: string
  /** The lab step ("## Step n" in lab.mdx) this expectation belongs to. */
  step?: number
}
export type Result = { status: 'pass' | 'fail' | 'error'; message?: string; expectations: Expectation[] }

/** One AWS call from the call timeline (see lib/runner/protocol.ts callSchema). */
export type AwsCall = {
  service: string
  operation: string
  durationMs: number
  ok: boolean
  errorCode?: string
  httpStatus?: number
  functionError?: string
  params?: Record<string, string>
}

/**
 * What a check is given: `calls` is the call timeline of the learner's most recent Run of this lab (empty when they
 * have not run anything yet), so a check can say "you called PutObject before PutBucketVersioning".
 */
export type CheckContext = { region: string; calls: AwsCall[] }

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

/** A yes/no expectation with the words to show for each side. */
export function expectTrue(
  name: string,
  ok: boolean,
  { expected, actual, hint }: { expected: string; actual: string; hint?: string },
): Expectation {
  return { name, status: ok ? 'pass' : 'fail', expected, actual, hint: ok ? undefined : hint }
}

/** Marks expectations as belonging to a lab step, so the page ticks off "Step 2" when they pass. */
export function inStep(step: number, expectations: Expectation[]): Expectation[] {
  return expectations.map((e) => ({ ...e, step }))
}

/** Index of the first call to `operation` in the timeline, or -1. */
export function firstCall(calls: AwsCall[], operation: string): number {
  return calls.findIndex((c) => c.operation === operation && c.ok)
}

/**
 * "Did the learner's last run call `first` before `then`?" — for checks about order (turn versioning on before
 * uploading). Passes when the last run made no calls to either, so it only speaks about runs that did.
 */
export function expectCalledBefore(calls: AwsCall[], first: string, then: string, hint?: string): Expectation {
  const a = firstCall(calls, first)
  const b = firstCall(calls, then)
  const ok = b === -1 || (a !== -1 && a < b)
  return {
    name: `${first} before ${then} in your last run`,
    status: ok ? 'pass' : 'fail',
    expected: `${first} first`,
    actual:
      b === -1
        ? `no ${then} call`
        : a === -1
          ? `${then} without ${first}`
          : a < b
            ? `${first} (call ${a + 1}) before ${then} (call ${b + 1})`
            : `${then} (call ${b + 1}) before ${first} (call ${a + 1})`,
    hint: ok ? undefined : hint,
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
