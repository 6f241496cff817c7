// Small helpers shared by the benchmark scripts: summary statistics and fixed-width tables.
// Benchmarks print figures; they never assert on timings.
import os from 'node:os'

export type Summary = { n: number; min: number; p50: number; p95: number; mean: number; max: number }

/** Percentile with linear interpolation between closest ranks (the same definition as numpy's default). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = (p / 100) * (sorted.length - 1)
  const lower = Math.floor(rank)
  const upper = Math.ceil(rank)
  const a = sorted[lower] ?? Number.NaN
  const b = sorted[upper] ?? Number.NaN
  return a + (b - a) * (rank - lower)
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((x, y) => x - y)
  const mean = sorted.reduce((sum, x) => sum + x, 0) / (sorted.length || 1)
  return {
    n: sorted.length,
    min: sorted[0] ?? Number.NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: sorted.length ? mean : Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  }
}

export function ms(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${value.toFixed(digits)} ms` : 'n/a'
}

/** Left-aligned first column, right-aligned others. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

export function summaryRow(label: string, s: Summary, digits = 1): string[] {
  return [
    label,
    String(s.n),
    ms(s.p50, digits),
    ms(s.p95, digits),
    ms(s.mean, digits),
    ms(s.min, digits),
    ms(s.max, digits),
  ]
}

export const SUMMARY_HEADER = ['', 'n', 'p50', 'p95', 'mean', 'min', 'max']

/** One line describing where the figures came from, so pasted results carry their context. */
export function machineLine(): string {
  const cpus = os.cpus()
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
  return `${new Date().toISOString()} · node ${process.version} · ${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'} · load avg ${load}`
}

export function verdict(met: boolean): string {
  return met ? 'MET' : 'NOT MET'
}
