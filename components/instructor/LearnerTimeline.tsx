import type { LabCode } from '@/lib/instructor/learner-timeline'
import { stepTitle } from '@/lib/instructor/step-titles'
import type { TimelineEntry } from '@/lib/instructor/timeline'
import { minutesText } from '@/lib/progress/when'

const time = (at: Date) => at.toISOString().replace('T', ' ').slice(0, 16) + ' UTC'
const mark = (ok: boolean) => (ok ? '✓' : '✗')

function Entry({ entry }: { entry: TimelineEntry }) {
  switch (entry.kind) {
    case 'lesson-read':
      return (
        <>
          Read {stepTitle(`lesson:${entry.section}`)} to {entry.readPercent} %{' '}
          <span className="muted">(last visit)</span>
        </>
      )
    case 'lesson-completed':
      return (
        <strong>
          Completed {stepTitle(`lesson:${entry.section}`)} ({entry.score}/{entry.total} in its quiz)
        </strong>
      )
    case 'quiz':
      return (
        <>
          Quiz of {stepTitle(`lesson:${entry.section}`)}: {entry.score}/{entry.total}
          {entry.durationMs !== null && <span className="muted"> in {minutesText(entry.durationMs)}</span>}
        </>
      )
    case 'solution':
      return (
        <>
          Opened the solution of {stepTitle(`lab:${entry.labId}`)}{' '}
          <span className="muted">({entry.reason === 'asked' ? 'asked for it' : 'after failed checks'})</span>
        </>
      )
    case 'check':
      return (
        <>
          {mark(entry.status === 'pass')} Check of {stepTitle(`lab:${entry.labId}`)}: {entry.status}
          {entry.message && <span className="muted"> — {entry.message}</span>}
          {entry.expectations.length > 0 && (
            <ul className="expectations">
              {entry.expectations.map((e, i) => (
                <li key={`${e.name}-${i}`} className={e.status}>
                  {mark(e.status === 'pass')} {e.name}
                  {e.status === 'fail' && e.expected !== undefined && (
                    <span className="detail">
                      expected {e.expected}, got {e.actual ?? 'nothing'}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {entry.code !== null && (
            <details>
              <summary>Code at this check</summary>
              <pre className="code-snapshot">{entry.code}</pre>
            </details>
          )}
        </>
      )
    case 'run':
      return (
        <>
          {mark(entry.status === 'pass')} Run in {stepTitle(entry.scope)}: {entry.status}
          <span className="muted">
            {' '}
            ({entry.durationMs} ms, {entry.calls.length} AWS call{entry.calls.length === 1 ? '' : 's'})
          </span>
          {entry.message && <span className="muted"> — {entry.message}</span>}
          <details>
            <summary>Code and calls</summary>
            <pre className="code-snapshot">
              <code>{entry.code}</code>
            </pre>
            {entry.calls.length > 0 && (
              <ol className="call-list">
                {entry.calls.map((call, i) => (
                  <li key={i}>
                    {mark(call.ok)} {call.service}.{call.operation}
                    {call.errorCode && ` (${call.errorCode})`}
                  </li>
                ))}
              </ol>
            )}
          </details>
        </>
      )
  }
}

/** A learner's activity, newest first. Everything the learner wrote (names, code, messages) is rendered as text. */
export function LearnerTimeline({ entries, truncated }: { entries: TimelineEntry[]; truncated: boolean }) {
  if (entries.length === 0) return <p className="muted">No activity yet.</p>
  return (
    <>
      {truncated && <p className="muted">Only the most recent activity of each kind is shown.</p>}
      <ol className="timeline" data-testid="timeline">
        {entries.map((entry, i) => (
          <li key={i} data-kind={entry.kind}>
            <time dateTime={entry.at.toISOString()}>{time(entry.at)}</time> <Entry entry={entry} />
          </li>
        ))}
      </ol>
    </>
  )
}

/** The learner's latest code in each lab they worked on: the autosaved draft and their last run's snapshot. */
export function LabCodePanels({ labs }: { labs: LabCode[] }) {
  if (labs.length === 0) return <p className="muted">No lab code yet.</p>
  return (
    <>
      {labs.map((lab) => (
        <section key={lab.labId} data-lab={lab.labId} aria-label={`Code for ${lab.title}`}>
          <h3>
            {lab.title} <span className="muted">{lab.passed ? '✓ passed' : 'not passed yet'}</span>
          </h3>
          {lab.draft && (
            <details open>
              <summary>Draft, saved {time(lab.draft.updatedAt)}</summary>
              <pre className="code-snapshot" data-testid="lab-draft">
                <code>{lab.draft.code}</code>
              </pre>
            </details>
          )}
          {lab.lastRun && (
            <details open={!lab.draft}>
              <summary>
                Last run, {time(lab.lastRun.at)}: {lab.lastRun.status}
              </summary>
              <pre className="code-snapshot">
                <code>{lab.lastRun.code}</code>
              </pre>
            </details>
          )}
        </section>
      ))}
    </>
  )
}
