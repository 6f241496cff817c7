import type { AwsCall, RunEvent, Result } from '@/lib/results'
import { CallTimeline } from './CallTimeline'

export type OutputLine = Extract<RunEvent, { type: 'stdout' | 'stderr' | 'status' }>

export function RunOutput({
  lines,
  result,
  durationMs,
  running,
  calls = [],
}: {
  calls?: AwsCall[]
  lines: OutputLine[]
  result?: Result
  durationMs?: number
  running: boolean
}) {
  if (!lines.length && !result && !running) return null
  return (
    <div aria-live="polite">
      <pre className="cell-output" data-testid="cell-output">
        {running && !lines.length && <span className="status-line">Running…</span>}
        {lines.map((line, i) => (
          <span
            key={i}
            className={line.type === 'stderr' ? 'stderr' : line.type === 'status' ? 'status-line' : undefined}
          >
            {line.type === 'status' ? `${line.message}\n` : line.text}
          </span>
        ))}
      </pre>
      <CallTimeline calls={calls} />
      {result && (
        <div className="result-banner" data-status={result.status} data-testid="cell-result">
          {result.status === 'pass'
            ? `✓ Finished in ${Math.round(durationMs ?? 0)} ms`
            : `✗ ${result.message ?? 'The run failed.'}`}
        </div>
      )}
    </div>
  )
}
