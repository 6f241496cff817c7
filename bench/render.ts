// Lesson render benchmark against a server that is already running (start it yourself, e.g. `npm start`).
//
//   npx tsx bench/render.ts <baseUrl> [N=50]
//   npx tsx bench/render.ts http://127.0.0.1:3000 100
//
// Picks 10 lessons spread over lessons/ (read from disk, so run it from the project root of the same checkout),
// GETs /lessons/<section> once each to warm the server (so the compiled lesson is cached), then makes N timed
// requests round-robin over the 10. Each sample is performance.now() around fetch() + text(): the full response
// as a browser would receive it, over a kept-alive loopback connection.
//
// One learner cookie, taken from the first response, is sent with every request, the way a browser would;
// otherwise every request would create a new anonymous learner in the database.
//
// Prints figures only: the product target (cached lesson render p50 ≤ 30 ms) is reported as MET / NOT MET and
// the exit code is 0 either way (1 only if requests fail, because then the figures mean nothing).
import { LEARNER_COOKIE } from '../lib/auth/cookie'
import { listLessonDirs, readLessonDir } from '../lib/content/lesson-files'
import { SUMMARY_HEADER, machineLine, ms, summarize, summaryRow, table, verdict } from './stats'

const LESSON_COUNT = 10
const TARGET_P50_MS = 30

function usage(): never {
  console.error('usage: npx tsx bench/render.ts <baseUrl> [N=50]   e.g. npx tsx bench/render.ts http://127.0.0.1:3000')
  process.exit(1)
}

const [baseArg, nArg] = process.argv.slice(2)
if (!baseArg || !/^https?:\/\//.test(baseArg)) usage()
if (nArg !== undefined && !(/^\d+$/.test(nArg) && Number(nArg) > 0)) usage()
const base = baseArg.replace(/\/+$/, '')
const n = nArg ? Number(nArg) : 50

/** Every k-th lesson so the sample covers short and long ones, not just the first part of the course. */
function pickSections(): string[] {
  const sections = listLessonDirs().map((dir) => readLessonDir(dir).section)
  if (sections.length <= LESSON_COUNT) return sections
  const step = sections.length / LESSON_COUNT
  return Array.from({ length: LESSON_COUNT }, (_, i) => sections[Math.floor(i * step)] ?? '').filter(Boolean)
}

let cookie: string | undefined

async function get(section: string): Promise<{ ms: number; status: number; bytes: number }> {
  const headers: Record<string, string> = { accept: 'text/html' }
  if (cookie) headers.cookie = cookie
  const started = performance.now()
  const response = await fetch(`${base}/lessons/${section}`, { headers, redirect: 'manual' })
  const body = await response.text()
  const elapsed = performance.now() - started
  if (!cookie) {
    const set = response.headers.getSetCookie().find((c) => c.startsWith(`${LEARNER_COOKIE}=`))
    if (set) cookie = set.split(';')[0]
  }
  return { ms: elapsed, status: response.status, bytes: body.length }
}

async function main() {
  const sections = pickSections()
  console.log(`Lesson render benchmark · ${machineLine()}`)
  console.log(`server ${base} · N=${n} · lessons: ${sections.join(', ')}`)

  const failures: string[] = []
  const warm: number[] = []
  for (const section of sections) {
    const r = await get(section)
    warm.push(r.ms)
    if (r.status !== 200) failures.push(`warm-up /lessons/${section}: HTTP ${r.status}`)
  }
  if (failures.length === sections.length) {
    console.error(`Every warm-up request failed, so there are no figures:\n${failures.join('\n')}`)
    process.exitCode = 1
    return
  }

  const samples: number[] = []
  const bySection = new Map<string, number[]>()
  let bytes = 0
  for (let i = 0; i < n; i++) {
    const section = sections[i % sections.length] ?? ''
    const r = await get(section)
    if (r.status !== 200) {
      failures.push(`/lessons/${section}: HTTP ${r.status}`)
      continue
    }
    samples.push(r.ms)
    bytes += r.bytes
    bySection.set(section, [...(bySection.get(section) ?? []), r.ms])
  }

  const timed = summarize(samples)
  console.log()
  console.log(
    table(SUMMARY_HEADER, [
      summaryRow('warm-up (first request each)', summarize(warm)),
      summaryRow('timed, round-robin', timed),
    ]),
  )
  console.log()
  console.log(`average page size ${samples.length ? (bytes / samples.length / 1024).toFixed(1) : '-'} KB`)
  const perLesson = [...bySection]
    .map(([section, times]) => ({ section, p50: summarize(times).p50 }))
    .sort((a, b) => b.p50 - a.p50)
  if (perLesson[0]) console.log(`slowest lesson by p50: ${perLesson[0].section} (${ms(perLesson[0].p50)})`)
  console.log()
  console.log(
    table(
      ['target', 'value', 'limit', 'result'],
      [
        [
          'cached lesson render p50',
          ms(timed.p50),
          `≤ ${TARGET_P50_MS} ms`,
          samples.length ? verdict(timed.p50 <= TARGET_P50_MS) : 'n/a',
        ],
      ],
    ),
  )
  if (failures.length) {
    console.log()
    console.log(`${failures.length} request(s) did not return 200 and are not in the figures:`)
    for (const f of failures.slice(0, 10)) console.log(`  ${f}`)
    if (!samples.length) process.exitCode = 1
  }
}

try {
  await main()
} catch (error) {
  console.error(
    error instanceof Error && 'cause' in error && error.cause ? `${error.message}: ${String(error.cause)}` : error,
  )
  process.exitCode = 1
}
