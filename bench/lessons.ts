// Lesson compile benchmark: the cost of turning every lesson.mdx into a component (compileMdx), cold and cached.
//
//   npx tsx --conditions=react-server bench/lessons.ts [--parallel]
//
// Cold: compileMdx once per lesson folder (listLessonDirs → readLessonDir → compileMdx(file, source), the same
// arguments lib/content/lessons.ts uses), one at a time so each lesson's time is its own. The first lesson also
// pays for loading the MDX/Shiki toolchain; it is shown separately and included in the statistics.
// Cached: compileMdx again for every lesson; these calls should hit the in-process cache.
//
// --parallel additionally reports the wall time of compiling everything at once, as precompileLessons does at
// server start (compileMdx bounds itself to 2 concurrent compiles). It runs in a fresh child process, because the
// cache in this process is warm by then.
//
// Prints figures only; the exit code is 0 unless a lesson fails to compile.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { compileMdx } from '../lib/content/compile'
import { listLessonDirs, readLessonDir, type LessonFile } from '../lib/content/lesson-files'
import { SUMMARY_HEADER, machineLine, ms, summarize, summaryRow, table } from './stats'

const PARALLEL_CHILD = '--parallel-child'

function lessons(): LessonFile[] {
  return listLessonDirs().map((dir) => readLessonDir(dir))
}

/** Child mode: everything at once, like precompileLessons; prints one number (ms) on stdout. */
async function parallelChild() {
  const files = lessons()
  const started = performance.now()
  await Promise.all(files.map((f) => compileMdx(f.file, f.source)))
  console.log((performance.now() - started).toFixed(1))
}

async function main() {
  console.log(`Lesson compile benchmark · ${machineLine()}`)
  const files = lessons()
  console.log(`${files.length} lessons under lessons/`)

  const cold: { section: string; ms: number; bytes: number }[] = []
  const coldStarted = performance.now()
  for (const f of files) {
    const started = performance.now()
    const code = await compileMdx(f.file, f.source)
    cold.push({ section: f.section, ms: performance.now() - started, bytes: code.length })
  }
  const coldTotal = performance.now() - coldStarted

  const cached: number[] = []
  const cachedStarted = performance.now()
  for (const f of files) {
    const started = performance.now()
    await compileMdx(f.file, f.source)
    cached.push(performance.now() - started)
  }
  const cachedTotal = performance.now() - cachedStarted

  const coldSummary = summarize(cold.map((c) => c.ms))
  const coldAfterFirst = summarize(cold.slice(1).map((c) => c.ms))
  const cachedSummary = summarize(cached)

  console.log()
  console.log(
    table(SUMMARY_HEADER, [
      summaryRow('cold, per lesson', coldSummary),
      summaryRow('cold, excluding the first', coldAfterFirst),
      summaryRow('cached, per lesson', cachedSummary, 3),
    ]),
  )
  console.log()
  console.log(
    `cold total (sequential): ${ms(coldTotal)} · first lesson (${cold[0]?.section ?? '-'}, loads the toolchain): ${ms(cold[0]?.ms ?? NaN)}`,
  )
  console.log(`cached total: ${ms(cachedTotal, 3)}`)

  console.log()
  console.log('slowest 5 cold compiles:')
  const slowest = [...cold].sort((a, b) => b.ms - a.ms).slice(0, 5)
  console.log(
    table(
      ['section', 'time', 'source', 'output'],
      slowest.map((s) => {
        const source = files.find((f) => f.section === s.section)?.source.length ?? 0
        const label = s === cold[0] ? `${s.section} *` : s.section
        return [label, ms(s.ms), `${(source / 1024).toFixed(1)} KB`, `${(s.bytes / 1024).toFixed(1)} KB`]
      }),
    ),
  )
  if (cold[0] && slowest.includes(cold[0]))
    console.log('* compiled first: its time includes loading the MDX/Shiki toolchain')

  if (process.argv.includes('--parallel')) {
    const self = fileURLToPath(import.meta.url)
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=react-server', self, PARALLEL_CHILD], {
      cwd: process.cwd(),
      encoding: 'utf8',
    })
    const value = Number(child.stdout.trim().split('\n').pop())
    console.log()
    if (child.status === 0 && Number.isFinite(value)) {
      console.log(`cold total, all at once in a fresh process (as precompileLessons): ${ms(value)}`)
    } else {
      console.log(`parallel pass failed (exit ${child.status}): ${child.stderr.trim()}`)
      process.exitCode = 1
    }
  }
}

if (process.argv.includes(PARALLEL_CHILD)) await parallelChild()
else await main()
