import type { Expectation, Result } from '@/lib/results'

type Step = { number: number; title: string }

function ExpectationItem({ e }: { e: Expectation }) {
  return (
    <li className={e.status} data-testid="expectation" data-status={e.status}>
      {e.status === 'pass' ? '✓' : '✗'} {e.name}
      {e.status === 'fail' && e.expected !== undefined && (
        <span className="detail">
          {e.actual ?? 'nothing'}, expected {e.expected}
        </span>
      )}
      {e.status === 'fail' && e.hint && <span className="detail">Hint: {e.hint}</span>}
    </li>
  )
}

/**
 * Each expectation with pass/fail and, when it fails, what was found against what was expected; grouped under the
 * lab's steps so the learner sees which step is done.
 */
export function CheckResults({ result, steps = [] }: { result: Result; steps?: Step[] }) {
  const grouped = steps
    .map((step) => ({ step, expectations: result.expectations.filter((e) => e.step === step.number) }))
    .filter((g) => g.expectations.length > 0)
  const loose = result.expectations.filter((e) => !steps.some((s) => s.number === e.step))
  return (
    <div className="result-banner" data-status={result.status} data-testid="check-results" role="status">
      <strong>
        {result.status === 'pass' ? '✓ ' : '✗ '}
        {result.message ?? (result.status === 'pass' ? 'Passed' : 'Not yet')}
      </strong>
      {grouped.map(({ step, expectations }) => {
        const done = expectations.every((e) => e.status === 'pass')
        return (
          <section key={step.number} className="check-step" data-testid="check-step" data-done={done}>
            <h3>
              {done ? '✓' : '○'} Step {step.number}: {step.title}
            </h3>
            <ul className="expectations">
              {expectations.map((e) => (
                <ExpectationItem key={e.name} e={e} />
              ))}
            </ul>
          </section>
        )
      })}
      {loose.length > 0 && (
        <ul className="expectations">
          {loose.map((e) => (
            <ExpectationItem key={e.name} e={e} />
          ))}
        </ul>
      )}
    </div>
  )
}
