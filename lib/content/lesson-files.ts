import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import matter from 'gray-matter'
import { cellMeta } from './cell-meta'
import { lessonFrontmatterSchema, quizSchema, type LessonFrontmatter, type Quiz } from './schema'
import { lessonsRoot, loadOutline } from './outline'

export type LessonFile = {
  section: string
  dir: string
  file: string
  source: string
  body: string
  frontmatter: LessonFrontmatter
  quiz: Quiz
}

export class ContentError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${path.relative(process.cwd(), file)}: ${message}`)
  }
}

/** Every lesson folder on disk: lessons/<part>/<section>/lesson.mdx beside quiz.json. */
export function listLessonDirs(): string[] {
  const dirs: string[] = []
  for (const part of readdirSync(lessonsRoot, { withFileTypes: true })) {
    // _shared holds what every lesson's cells get (lib/content/cell-files.ts), not a part of the course
    if (!part.isDirectory() || part.name.startsWith('_')) continue
    for (const section of readdirSync(path.join(lessonsRoot, part.name), { withFileTypes: true })) {
      if (section.isDirectory()) dirs.push(path.join(lessonsRoot, part.name, section.name))
    }
  }
  return dirs.sort()
}

function formatIssues(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ')
}

/** Reads and validates one lesson folder; throws ContentError naming the file on any problem. */
export function readLessonDir(dir: string): LessonFile {
  const file = path.join(dir, 'lesson.mdx')
  if (!existsSync(file)) throw new ContentError(dir, 'missing lesson.mdx')
  const source = readFileSync(file, 'utf8')
  const parsed = matter(source)
  const fm = lessonFrontmatterSchema.safeParse(parsed.data)
  if (!fm.success) throw new ContentError(file, `frontmatter: ${formatIssues(fm.error)}`)

  const { sections } = loadOutline()
  const outlineSection = sections.find((s) => s.id === fm.data.section)
  if (!outlineSection) throw new ContentError(file, `section "${fm.data.section}" is not in the outline`)
  if (outlineSection.part !== fm.data.part || outlineSection.order !== fm.data.order) {
    throw new ContentError(
      file,
      `part/order ${fm.data.part}/${fm.data.order} do not match the outline (${outlineSection.part}/${outlineSection.order})`,
    )
  }
  const expectedDir = path.join(lessonsRoot, outlineSection.part, outlineSection.id)
  if (path.resolve(dir) !== expectedDir) {
    throw new ContentError(
      file,
      `lives in the wrong folder; expected lessons/${outlineSection.part}/${outlineSection.id}/`,
    )
  }
  for (const ref of [...fm.data.prerequisites, ...fm.data.related]) {
    if (!sections.some((s) => s.id === ref))
      throw new ContentError(file, `prerequisite/related "${ref}" is not a section id`)
  }

  const quizFile = path.join(dir, 'quiz.json')
  if (!existsSync(quizFile)) throw new ContentError(dir, 'missing quiz.json')
  let quizJson: unknown
  try {
    quizJson = JSON.parse(readFileSync(quizFile, 'utf8'))
  } catch (error) {
    throw new ContentError(quizFile, `invalid JSON: ${error instanceof Error ? error.message : String(error)}`)
  }
  const quiz = quizSchema.safeParse(quizJson)
  if (!quiz.success) throw new ContentError(quizFile, formatIssues(quiz.error))

  return { section: fm.data.section, dir, file, source, body: parsed.content, frontmatter: fm.data, quiz: quiz.data }
}

export type CellSource = {
  index: number
  title?: string
  code: string
  line: number
  /** A longer limit the cell declares with timeout="…" (seconds), for code that waits on purpose. */
  timeoutSeconds?: number
}

const CELL_FENCE = /^```(?:ts|typescript)\s+cell\b([^\n]*)\n([\s\S]*?)^```\s*$/gm

/** Runnable cells are TypeScript fences marked `cell`: ```ts cell title="List buckets" */
export function extractCells(body: string): CellSource[] {
  const cells: CellSource[] = []
  for (const match of body.matchAll(CELL_FENCE)) {
    const line = body.slice(0, match.index).split('\n').length
    cells.push({ index: cells.length, ...cellMeta(match[1] ?? ''), code: match[2] ?? '', line })
  }
  return cells
}

const LESSON_LINK = /\]\(\/lessons\/([a-z0-9-]+)(#[a-z0-9-]+)?\)/g

/** Internal links in markdown form: [text](/lessons/<section>#<heading>). */
export function extractLessonLinks(body: string) {
  return [...body.matchAll(LESSON_LINK)].map((m) => ({ section: m[1] ?? '', hash: m[2]?.slice(1) }))
}
