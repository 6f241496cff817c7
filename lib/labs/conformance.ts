import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { dataDir } from '../data-dir'

/**
 * Lab × backend conformance, as the CI proof (tests/integration/labs.test.ts) found it: for each lab and each backend
 * it declares, whether the starter failed, the solution passed and the clean-up reset. The run writes the live report
 * into .cloudbook/; `npm run conformance:snapshot` copies it to labs/conformance.json, which ships with the code so
 * a fresh server shows the figures of the last CI-equivalent run until its own suite has run.
 */
export const proofSchema = z.enum(['pass', 'fail'])
export const conformanceEntrySchema = z.object({
  lab: z.string(),
  backend: z.enum(['ministack', 'localstack']),
  starterFails: proofSchema.optional(),
  solutionPasses: proofSchema.optional(),
  cleanupResets: proofSchema.optional(),
  /** Check time after the solution (ms, includes emulator time). */
  checkMs: z.number().optional(),
  at: z.string(),
})
export const conformanceSchema = z.object({
  versions: z.record(z.string(), z.string()),
  node: z.string(),
  entries: z.array(conformanceEntrySchema),
})
export type ConformanceEntry = z.infer<typeof conformanceEntrySchema>
export type Conformance = z.infer<typeof conformanceSchema>

export const liveReportFile = (root = process.cwd()) => dataDir(root, 'conformance.json')
export const snapshotFile = (root = process.cwd()) => path.join(root, 'labs', 'conformance.json')

function readReport(file: string): Conformance | null {
  if (!existsSync(file)) return null
  const parsed = conformanceSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  return parsed.success ? parsed.data : null
}

/** The live report of this server's last suite run, else the snapshot shipped with the code. */
export function readConformance(root = process.cwd()): { report: Conformance; source: 'live' | 'snapshot' } | null {
  const live = readReport(liveReportFile(root))
  if (live) return { report: live, source: 'live' }
  const snapshot = readReport(snapshotFile(root))
  return snapshot ? { report: snapshot, source: 'snapshot' } : null
}

/** Merges entries into the live report (one entry per lab × backend, the newest wins); atomic rename. */
export function recordConformance(entries: ConformanceEntry[], versions: Record<string, string>, root = process.cwd()) {
  const file = liveReportFile(root)
  const current = readReport(file) ?? { versions: {}, node: process.version, entries: [] }
  const key = (e: ConformanceEntry) => `${e.lab}\0${e.backend}`
  const merged = new Map(current.entries.map((e) => [key(e), e]))
  for (const entry of entries) merged.set(key(entry), { ...merged.get(key(entry)), ...entry })
  const report: Conformance = {
    versions: { ...current.versions, ...versions },
    node: process.version,
    entries: [...merged.values()].sort((a, b) => key(a).localeCompare(key(b))),
  }
  mkdirSync(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, `${JSON.stringify(report, null, 2)}\n`)
  renameSync(temporary, file)
}

export type Verdict = 'pass' | 'fail' | 'not supported' | 'not run'

/** One cell of the page's table. */
export function verdict(entry: ConformanceEntry | undefined, declared: boolean): Verdict {
  if (!declared) return 'not supported'
  if (!entry || !entry.starterFails || !entry.solutionPasses || !entry.cleanupResets) return 'not run'
  return entry.starterFails === 'pass' && entry.solutionPasses === 'pass' && entry.cleanupResets === 'pass'
    ? 'pass'
    : 'fail'
}
