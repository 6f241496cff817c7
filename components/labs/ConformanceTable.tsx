import Link from 'next/link'
import type { Conformance } from '@/lib/labs/conformance'
import { verdict, type Verdict } from '@/lib/labs/conformance'

const BACKENDS = [
  { id: 'ministack', label: 'MiniStack' },
  { id: 'localstack', label: 'LocalStack' },
] as const

const mark: Record<Verdict, string> = { pass: '✓ pass', fail: '✗ fail', 'not supported': '— not supported', 'not run': '? not run' }

type Lab = { id: string; title: string; backends: string[] }

/** Lab × backend: did the starter fail, the solution pass and the clean-up reset, on each emulator. */
export function ConformanceTable({ labs, report }: { labs: Lab[]; report: Conformance }) {
  return (
    <div className="matrix-wrap">
      <table className="matrix conformance" data-testid="conformance">
        <caption className="sr-only">Each lab (rows) on each emulator (columns)</caption>
        <thead>
          <tr>
            <th scope="col">Lab</th>
            {BACKENDS.map((b) => (
              <th scope="col" key={b.id}>
                {b.label} {report.versions[b.id] ?? ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labs.map((lab) => (
            <tr key={lab.id} data-lab={lab.id}>
              <th scope="row">
                <Link href={`/labs/${lab.id}`}>{lab.title}</Link>
              </th>
              {BACKENDS.map((b) => {
                const entry = report.entries.find((e) => e.lab === lab.id && e.backend === b.id)
                const v = verdict(entry, lab.backends.includes(b.id))
                return (
                  <td key={b.id} data-verdict={v} title={entry ? `checked ${entry.at}` : undefined}>
                    {mark[v]}
                    {entry?.checkMs !== undefined && v === 'pass' && <span className="muted"> · {entry.checkMs} ms</span>}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
