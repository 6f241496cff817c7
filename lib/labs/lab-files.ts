import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import matter from 'gray-matter'
import { z } from 'zod'
import { sectionId } from '../content/schema'
import { ContentError } from '../content/lesson-files'

export const labsRoot = path.join(process.cwd(), 'labs')

export const labFrontmatterSchema = z
  .object({
    id: sectionId.describe('Folder name under labs/; stored with drafts and attempts'),
    title: z.string().min(3).describe('Shown on the lab page and the lesson card'),
    section: sectionId.describe('The lesson this lab belongs to'),
    summary: z.string().min(10).max(200).describe('One sentence for the lesson card'),
    minutes: z.number().int().min(1).max(120).describe('Estimated time'),
    backends: z
      .array(z.enum(['ministack', 'localstack']))
      .min(1)
      .describe('Emulators on which CI proves the solution passes and the starter fails'),
  })
  .strict()

export type LabFrontmatter = z.infer<typeof labFrontmatterSchema>

export type LabFiles = {
  meta: LabFrontmatter
  dir: string
  instructionsFile: string
  instructions: string
  starter: string
  solution: string
  check: string
  cleanup: string
  /** Progressive hints from hints.md, in unlock order; never part of the page until the server unlocks them. */
  hints: string[]
  /** "## Step n: title" headings of lab.mdx, in order. */
  steps: { number: number; title: string }[]
}

const REQUIRED = ['lab.mdx', 'hints.md', 'starter.ts', 'solution.ts', 'check.ts', 'cleanup.ts'] as const

/** hints.md is a Markdown list: each top-level "- " item (with its indented continuation lines) is one hint. */
export function parseHints(source: string): string[] {
  const hints: string[] = []
  for (const line of source.split(/\r?\n/)) {
    if (line.startsWith('- ')) hints.push(line.slice(2))
    else if (hints.length && (line.startsWith('  ') || line === '')) hints[hints.length - 1] += `\n${line.slice(2)}`
  }
  return hints.map((h) => h.trim()).filter(Boolean)
}

/** Steps are the body's "## Step n: title" headings; they must be numbered 1, 2, 3… */
export function parseSteps(body: string): { number: number; title: string }[] {
  return [...body.matchAll(/^## Step (\d+): (.+)$/gm)].map((m) => ({ number: Number(m[1]), title: (m[2] ?? '').trim() }))
}

let labsCache: Map<string, LabFiles> | undefined

/** All labs, read and validated once per process like the lessons (development re-reads so edits show up). */
function labFiles(): Map<string, LabFiles> {
  if (labsCache && process.env.NODE_ENV === 'production') return labsCache
  const ids = readdirSync(labsRoot, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
  labsCache = new Map(ids.map((id) => [id, readLabDir(id)]))
  return labsCache
}

export function listLabIds(): string[] {
  return [...labFiles().keys()]
}

/** A lab by id; throws ContentError when there is no such lab or it is invalid. */
export function readLab(id: string): LabFiles {
  const lab = labFiles().get(id)
  if (!lab) throw new ContentError(path.join(labsRoot, id), 'no such lab')
  return lab
}

function readLabDir(id: string): LabFiles {
  const dir = path.join(labsRoot, id)
  for (const name of REQUIRED) {
    if (!existsSync(path.join(dir, name))) throw new ContentError(dir, `missing ${name}`)
  }
  const read = (name: (typeof REQUIRED)[number]) => readFileSync(path.join(dir, name), 'utf8')
  const instructionsFile = path.join(dir, 'lab.mdx')
  const source = read('lab.mdx')
  const parsed = matter(source)
  const meta = labFrontmatterSchema.safeParse(parsed.data)
  if (!meta.success)
    throw new ContentError(
      instructionsFile,
      meta.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    )
  if (meta.data.id !== id)
    throw new ContentError(instructionsFile, `id "${meta.data.id}" does not match its folder "${id}"`)
  const hints = parseHints(read('hints.md'))
  if (hints.length < 2) throw new ContentError(path.join(dir, 'hints.md'), 'a lab needs at least two hints ("- " items)')
  const steps = parseSteps(parsed.content)
  if (!steps.length || steps.some((step, i) => step.number !== i + 1))
    throw new ContentError(instructionsFile, 'steps must be "## Step 1: …", "## Step 2: …" in order')
  if (/^## Hints/m.test(parsed.content))
    throw new ContentError(instructionsFile, 'hints belong in hints.md, where the server unlocks them one at a time')
  return {
    meta: meta.data,
    dir,
    instructionsFile,
    instructions: source,
    hints,
    steps,
    starter: read('starter.ts'),
    solution: read('solution.ts'),
    check: read('check.ts'),
    cleanup: read('cleanup.ts'),
  }
}

export function labsForSection(section: string): LabFrontmatter[] {
  return [...labFiles().values()].map((lab) => lab.meta).filter((meta) => meta.section === section)
}
