import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { listLessonDirs, readLessonDir } from '@/lib/content/lesson-files'
import { isBeyondSeed, lessonsRoot, loadOutline } from '@/lib/content/outline'
import { coverFacts, seedFacts } from '@/lib/content/seed-coverage'

// Fact coverage, derived from the seed text itself: every seed line's distinctive terms must appear in its
// section's lesson (or quiz). Prints the figures and the misses so a reviewer can judge them.
it('teaches the seed facts: ≥95 % overall, ≥80 % in every section with five or more seed lines', () => {
  const lessons = new Map(
    listLessonDirs()
      .map(readLessonDir)
      .map((l) => [l.section, l]),
  )
  let total = 0
  let covered = 0
  const weak: string[] = []
  const report: string[] = []
  for (const section of loadOutline().sections) {
    // lessons beyond the seed notes have no seed lines to cover; listing them keeps the report complete
    if (isBeyondSeed(section)) {
      report.push(`${section.id.padEnd(34)} beyond the seed notes (no seed coverage)`)
      continue
    }
    const lesson = lessons.get(section.id)
    const facts = seedFacts(section)
    const text = lesson
      ? `${lesson.body}\n${lesson.quiz.questions.map((q) => `${q.prompt} ${q.options.map((o) => o.text).join(' ')} ${q.explanation}`).join('\n')}`
      : ''
    const results = coverFacts(facts, text)
    const ok = results.filter((r) => r.covered).length
    total += results.length
    covered += ok
    const pct = results.length ? (ok / results.length) * 100 : 100
    report.push(
      `${section.id.padEnd(34)} ${String(ok).padStart(3)}/${String(results.length).padEnd(3)} ${pct.toFixed(0).padStart(3)} %`,
    )
    for (const miss of results.filter((r) => !r.covered))
      report.push(`    miss line ${miss.line}: [${miss.missing.join(', ')}] ${miss.text.slice(0, 90)}`)
    if (results.length >= 5 && pct < 80) weak.push(`${section.id} ${pct.toFixed(0)} %`)
  }
  const overall = total ? (covered / total) * 100 : 0
  console.log(`${report.join('\n')}\nOVERALL ${covered}/${total} = ${overall.toFixed(1)} %`)
  expect(weak).toEqual([])
  expect(overall).toBeGreaterThanOrEqual(95)
})

it('gives every section either seed lines inside the notes or a reason for going beyond them', () => {
  const seedLineCount = readFileSync(path.join(lessonsRoot, 'seed-notes.txt'), 'utf8').split('\n').length
  const problems: string[] = []
  for (const section of loadOutline().sections) {
    if (isBeyondSeed(section)) {
      // a beyond-the-notes section must say why a learner needs it, in a sentence a reviewer can judge
      if (section.why.split(/\s+/).length < 8) problems.push(`${section.id}: "why" is too short to justify the section`)
      continue
    }
    const [from, to] = section.seedLines
    if (from > to || to > seedLineCount) problems.push(`${section.id}: seedLines ${from}-${to} outside the notes`)
    if (seedFacts(section).length === 0 && !section.seedHasHeading)
      problems.push(`${section.id}: seedLines ${from}-${to} hold neither a heading nor a fact`)
  }
  expect(problems).toEqual([])
})
