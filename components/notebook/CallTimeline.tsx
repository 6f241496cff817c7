import type { AwsCall } from '@/lib/results'

/** The AWS calls a run made, in order: what the code asked of AWS, how it went and how long it took. */
export function CallTimeline({ calls }: { calls: AwsCall[] }) {
  if (!calls.length) return null
  return (
    <details className="call-timeline" data-testid="call-timeline">
      <summary>
        {calls.length} AWS call{calls.length === 1 ? '' : 's'}
        {calls.some((c) => !c.ok) ? ` · ${calls.filter((c) => !c.ok).length} failed` : ''}
      </summary>
      <ol>
        {calls.map((call, i) => {
          const target = Object.values(call.params ?? {})[0]
          const outcome = call.functionError
            ? `function error (${call.functionError})`
            : call.ok
              ? 'ok'
              : (call.errorCode ?? 'error')
          return (
            <li key={i} data-ok={call.ok}>
              <code>
                {call.service} {call.operation}
              </code>
              {target ? <span className="call-target"> {target}</span> : null}
              <span className="call-outcome"> — {outcome}</span>
              <span className="call-time"> {Math.round(call.durationMs)} ms</span>
            </li>
          )
        })}
      </ol>
    </details>
  )
}
