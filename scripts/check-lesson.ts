/**
 * Authoring aid: validates lessons, prints seed coverage with misses, compiles the MDX and runs every cell
 * against an emulator. Usage: npx tsx scripts/check-lesson.ts <section-id>... [--no-run]
 * The emulator comes from AWS_ENDPOINT_URL (default http://127.0.0.1:4566).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { bundleMDX } from 'mdx-bundler'
import remarkGfm from 'remark-gfm'
import { lessonHeadings } from '../lib/content/headings'
import { extractCells, extractLessonLinks, listLessonDirs, readLessonDir } from '../lib/content/lesson-files'
import { loadOutline } from '../lib/content/outline'
import { copiedRuns, coverFacts, seedFacts } from '../lib/content/seed-coverage'

const args = process.argv.slice(2)
const run = !args.includes('--no-run')
const wanted = args.filter((a) => !a.startsWith('--'))
const endpoint = process.env.AWS_ENDPOINT_URL ?? 'http://127.0.0.1:4566'
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
        const tmp = mkdtempSync(path.join(process.cwd(), '.cloudbook-check-'))
        const file = path.join(tmp, 'cell.ts')
        writeFileSync(file, `${cell.code}\nexport {}\n`)
        const account = String(Math.floor(1e11 + Math.random() * 8e11))
        const result = spawnSync(process.execPath, ['--import', 'tsx', file], {
          encoding: 'utf8',
          timeout: 30_000,
          env: {
            PATH: process.env.PATH,
            AWS_ENDPOINT_URL: endpoint,
            AWS_REGION: 'us-east-1',
            AWS_ACCESS_KEY_ID: account,
            AWS_SECRET_ACCESS_KEY: 'test',
            NODE_NO_WARNINGS: '1',
            NODE_ENV: 'development',
          },
        })
        rmSync(tmp, { recursive: true, force: true })
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
process.exitCode = failed ? 1 : 0
