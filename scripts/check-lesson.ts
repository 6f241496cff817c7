/**
 * Authoring aid: validates lessons, prints seed coverage with misses, compiles the MDX and runs every cell
 * through the real runner: a sandbox and a MiniStack environment of its own, as a learner's Run does.
 * Usage: npx tsx scripts/check-lesson.ts <section-id>... [--no-run]
 */
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { bundleMDX } from 'mdx-bundler'
import remarkGfm from 'remark-gfm'
import { lessonHeadings } from '../lib/content/headings'
import { extractCells, extractLessonLinks, listLessonDirs, readLessonDir } from '../lib/content/lesson-files'
import { loadOutline } from '../lib/content/outline'
import { copiedRuns, coverFacts, seedFacts } from '../lib/content/seed-coverage'
import { createGateway } from '../lib/environments/create'
import { MinistackSpawner } from '../lib/environments/ministack-spawner'
import { ensureVenv } from '../lib/environments/venv'
import { newAccountId } from '../lib/emulator/credentials'
import { Runner } from '../lib/runner/run'

const args = process.argv.slice(2)
const run = !args.includes('--no-run')
const wanted = args.filter((a) => !a.startsWith('--'))
const root = process.cwd()
const learner = { id: randomUUID(), accountId: newAccountId() }
const spawner = run
  ? new MinistackSpawner({
      root,
      venv: ensureVenv(root, 'ministack'),
      idleMs: 10 * 60_000,
      memoryMb: 512,
      concurrentStarts: 1,
      dataDir: path.join(root, '.cloudbook', 'check-environments'),
    })
  : undefined
const runner = run ? new Runner(root, { gateway: createGateway(), warm: 1 }) : undefined
const { sections } = loadOutline()
let failed = false

const headingSlugs = (body: string) => new Set(lessonHeadings(body).map((h) => h.id))

for (const section of sections.filter((s) => wanted.length === 0 || wanted.includes(s.id))) {
  const dir = listLessonDirs().find((d) => path.basename(d) === section.id)
  if (!dir) {
    console.log(`✗ ${section.id}: no lesson folder`)
    failed = true
    continue
  }
  try {
    const lesson = readLessonDir(dir)
    const quizText = lesson.quiz.questions
      .map((q) => `${q.prompt} ${q.options.map((o) => o.text).join(' ')} ${q.explanation}`)
      .join('\n')
    const coverage = coverFacts(seedFacts(section), `${lesson.body}\n${quizText}`)
    const covered = coverage.filter((c) => c.covered).length
    const pct = coverage.length ? Math.round((covered / coverage.length) * 100) : 100
    console.log(`${pct >= 80 ? '✓' : '✗'} ${section.id}: coverage ${covered}/${coverage.length} (${pct} %)`)
    if (pct < 80) failed = true
    for (const miss of coverage.filter((c) => !c.covered)) {
      console.log(`    line ${miss.line}: missing [${miss.missing.join(', ')}] — ${miss.text.slice(0, 100)}`)
    }
    for (const run of copiedRuns(`${lesson.body}\n${quizText}`)) {
      console.log(`  ✗ copied from the seed word for word (rewrite in your own words): "${run}"`)
      failed = true
    }
    for (const link of extractLessonLinks(lesson.body)) {
      const target = listLessonDirs().find((d) => path.basename(d) === link.section)
      if (!sections.some((s) => s.id === link.section)) {
        console.log(`  ✗ link to unknown lesson /lessons/${link.section}`)
        failed = true
      } else if (link.hash && target) {
        try {
          if (!headingSlugs(readLessonDir(target).body).has(link.hash)) {
            console.log(`  ✗ link /lessons/${link.section}#${link.hash}: no such heading`)
            failed = true
          }
        } catch {
          // the target lesson is not written yet; its own check reports it
        }
      }
    }
    await bundleMDX({
      source: lesson.source,
      mdxOptions: (o) => ({ ...o, remarkPlugins: [...(o.remarkPlugins ?? []), remarkGfm] }),
    })
    console.log(`  ✓ MDX compiles; quiz has ${lesson.quiz.questions.length} questions`)

    if (run) {
      for (const cell of extractCells(lesson.body)) {
        if (!spawner || !runner) throw new Error('cells run only without --no-run')
        const route = await spawner.ensure(learner)
        // every cell in an empty account of its own, as the test suite runs them
        const outcome = await runner.run({
          source: cell.code,
          filename: 'cell.ts',
          mode: 'run',
          route: { ...route, learner: { ...learner, accountId: newAccountId() } },
          region: 'us-east-1',
        })
        const result = {
          status: outcome.result.status === 'pass' ? 0 : 1,
          stdout: outcome.stdout,
          stderr: `${outcome.stderr}${outcome.result.message ? `${outcome.result.message}\n` : ''}`,
        }
        const ok = result.status === 0
        if (!ok) failed = true
        console.log(`  ${ok ? '✓' : '✗'} cell ${cell.index} (line ${cell.line}${cell.title ? `, ${cell.title}` : ''})`)
        const out = `${result.stdout}${result.stderr}`.trim()
        if (out)
          console.log(
            out
              .split('\n')
              .slice(0, ok ? 8 : 30)
              .map((l) => `      ${l}`)
              .join('\n'),
          )
      }
    }
  } catch (error) {
    failed = true
    console.log(`✗ ${section.id}: ${error instanceof Error ? error.message : String(error)}`)
  }
}
runner?.close()
await spawner?.stopAll()
process.exitCode = failed ? 1 : 0
