// Copies this machine's live lab conformance report (written by the lab proofs in the test suite) to
// labs/conformance.json, which ships with the code: a fresh server shows it on /labs/conformance until its own suite
// has run. Run after a full `npm test`.
import { copyFileSync } from 'node:fs'
import { readConformance, snapshotFile, liveReportFile } from '../lib/labs/conformance'

const found = readConformance()
if (!found || found.source !== 'live') {
  console.error('No live report yet: run the test suite (npm test) first.')
  process.exit(1)
}
copyFileSync(liveReportFile(), snapshotFile())
console.log(`labs/conformance.json: ${found.report.entries.length} lab × backend entries`)
