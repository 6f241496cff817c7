import type { Metadata } from 'next'
import { ConformanceTable } from '@/components/labs/ConformanceTable'
import { readConformance } from '@/lib/labs/conformance'
import { listLabIds, readLab } from '@/lib/labs/lab-files'

export const metadata: Metadata = { title: 'Lab conformance' }
// the report changes when the suite runs, not when the code is built
export const dynamic = 'force-dynamic'

export default function ConformancePage() {
  const found = readConformance()
  const labs = listLabIds().map((id) => {
    const { meta } = readLab(id)
    return { id, title: meta.title, backends: meta.backends }
  })
  return (
    <>
      <header className="lesson-header">
        <p className="eyebrow">Labs</p>
        <h1>Which labs work on which emulator</h1>
      </header>
      <p>
        For every lab and every emulator it declares, the test suite proves three things: the starter code fails the
        check, the reference solution passes every expectation, and the lab&apos;s clean-up resets the account. A lab
        marked “not supported” uses a service that emulator does not serve.
      </p>
      {found ? (
        <>
          <p className="muted" data-testid="conformance-source">
            {found.source === 'live'
              ? "From this server's last test run"
              : 'From the last run recorded with this version of Cloudbook (run the test suite to refresh it)'}
            {' · '}Node {found.report.node}
            {' · '}
            {Object.entries(found.report.versions)
              .map(([backend, version]) => `${backend} ${version}`)
              .join(', ')}
          </p>
          <ConformanceTable labs={labs} report={found.report} />
        </>
      ) : (
        <p>No conformance run is recorded yet. Run the test suite (npm test) to produce one.</p>
      )}
    </>
  )
}
