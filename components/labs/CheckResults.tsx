import type { Result } from '@/lib/results'

/** Each expectation with pass/fail and, when it fails, what was found against what was expected. */
export function CheckResults({ result }: { result: Result }) {
  return (
    <div className="result-banner" data-status={result.status} data-testid="check-results" role="status">
      <strong>
        {result.status === 'pass' ? '✓ ' : '✗ '}
        {result.message ?? (result.status === 'pass' ? 'Passed' : 'Not yet')}
      </strong>
      {result.expectations.length > 0 && (
        <ul className="expectations">
          {result.expectations.map((e) => (
            <li key={e.name} className={e.status} data-testid="expectation" data-status={e.status}>
              {e.status === 'pass' ? '✓' : '✗'} {e.name}
              {e.status === 'fail' && e.expected !== undefined && (
                <span className="detail">
                  {e.actual ?? 'nothing'}, expected {e.expected}
                </span>
              )}
              {e.status === 'fail' && e.hint && <span className="detail">Hint: {e.hint}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
