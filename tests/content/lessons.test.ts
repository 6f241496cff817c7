import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileMdx } from '@/lib/content/compile'
import { lessonHeadings } from '@/lib/content/headings'
import {
  extractCells,
  extractLessonLinks,
  listLessonDirs,
  readLessonDir,
  type LessonFile,
} from '@/lib/content/lesson-files'
import { isBeyondSeed, loadOutline } from '@/lib/content/outline'
import { listLabIds, readLab } from '@/lib/labs/lab-files'

const { sections } = loadOutline()
const lessons: LessonFile[] = listLessonDirs().map(readLessonDir)
const bySection = new Map(lessons.map((l) => [l.section, l]))

const headingSlugs = (body: string) => new Set(lessonHeadings(body).map((h) => h.id))

describe('course content', () => {
  it('has exactly one lesson for every outline section and nothing else', () => {
    const counts = new Map<string, number>()
    for (const lesson of lessons) counts.set(lesson.section, (counts.get(lesson.section) ?? 0) + 1)
    const missing = sections.filter((s) => !counts.has(s.id)).map((s) => s.id)
    const duplicated = [...counts].filter(([, n]) => n > 1).map(([id]) => id)
    expect({ missing, duplicated }).toEqual({ missing: [], duplicated: [] })
    expect(lessons).toHaveLength(sections.length)
  })

  it('has quizzes of at least four questions, each with a correct answer and an explanation', () => {
    for (const lesson of lessons) {
      expect(lesson.quiz.questions.length, lesson.section).toBeGreaterThanOrEqual(4)
      for (const q of lesson.quiz.questions) {
        expect(q.correct.length, `${lesson.section}/${q.id}`).toBeGreaterThan(0)
        expect(q.explanation.length, `${lesson.section}/${q.id}`).toBeGreaterThan(20)
      }
    }
  })

  it('closes every code fence on a line of its own (text after ``` silently turns the rest into code)', () => {
    const problems: string[] = []
    for (const lesson of lessons) {
      let open = false
      lesson.body.split('\n').forEach((line, i) => {
        const fence = /^\s*```(.*)$/.exec(line)
        if (!fence) return
        if (open && fence[1]?.trim()) problems.push(`${lesson.section} line ${i + 1}: ${line.slice(0, 60)}`)
        open = !open
      })
      if (open) problems.push(`${lesson.section}: unclosed code fence`)
    }
    expect(problems).toEqual([])
  })

  it('links only to lessons and headings that exist', () => {
    const broken: string[] = []
    for (const lesson of lessons) {
      for (const link of extractLessonLinks(lesson.body)) {
        const target = bySection.get(link.section)
        if (!target) broken.push(`${lesson.section} → /lessons/${link.section}`)
        else if (link.hash && !headingSlugs(target.body).has(link.hash))
          broken.push(`${lesson.section} → /lessons/${link.section}#${link.hash}`)
      }
      for (const ref of [...lesson.frontmatter.prerequisites, ...lesson.frontmatter.related]) {
        if (!bySection.has(ref)) broken.push(`${lesson.section} frontmatter → ${ref}`)
      }
    }
    expect(broken).toEqual([])
  })

  it('writes every runnable cell as plain AWS SDK code without endpoints or credentials', () => {
    const offenders: string[] = []
    for (const lesson of lessons) {
      for (const cell of extractCells(lesson.body)) {
        const where = `${lesson.section} cell ${cell.index}`
        // client options may tune retries or timeouts, never say where or as whom to connect
        for (const match of cell.code.matchAll(/new \w+Client\(([^)]*)\)/g)) {
          // temporary credentials from AssumeRole are real AWS practice; literal keys are not
          const args = match[1] ?? ''
          if (/\b(endpoint|region)\b/.test(args) || /(accessKeyId|secretAccessKey)\s*:\s*['"`]/.test(args))
            offenders.push(`${where}: ${match[0]}`)
        }
        if (/https?:\/\/(localhost|127\.0\.0\.1)|:4566\b/.test(cell.code))
          offenders.push(`${where}: hard-coded emulator address`)
      }
    }
    expect(offenders).toEqual([])
  })

  it('links every lesson added beyond the seed notes from at least one other lesson', () => {
    // new lessons are appended to their part; without an inbound link, readers of the lessons that mention the service
    // never find them
    const linked = new Set(
      lessons.flatMap((l) =>
        extractLessonLinks(l.body)
          .map((link) => link.section)
          .filter((target) => target !== l.section),
      ),
    )
    const orphans = sections.filter((s) => isBeyondSeed(s) && !linked.has(s.id)).map((s) => s.id)
    expect(orphans).toEqual([])
  })

  it('compiles every lesson', async () => {
    for (const lesson of lessons) {
      const code = await compileMdx(lesson.file, lesson.source)
      expect(code.length, lesson.section).toBeGreaterThan(100)
    }
  }, 600_000)
})

describe('labs', () => {
  it.each(listLabIds())('%s has valid frontmatter, a lesson and all its files', (id) => {
    const lab = readLab(id)
    expect(bySection.has(lab.meta.section)).toBe(true)
    expect(lab.starter).not.toEqual(lab.solution)
    expect(path.basename(lab.dir)).toBe(id)
  })
})
