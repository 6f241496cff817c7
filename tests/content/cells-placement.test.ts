import { describe, expect, it } from 'vitest'
import { extractCells, listLessonDirs, readLessonDir } from '@/lib/content/lesson-files'
import { markdownBlocks, type MarkdownBlock } from '@/lib/content/markdown-text'

/**
 * Cells sit where they teach (docs/authoring.md, "Runnable cells"): each cell has a title, stands in the concept
 * section it demonstrates after some teaching prose, and is introduced by a lead-in paragraph. No cell lives in a
 * "Try it" section at the end of the lesson.
 */

/** Prose a section needs before a cell: at least a real lead-in ("The cell below … look at …"), not a heading alone. */
const MIN_PROSE_WORDS = 40

type Placement = {
  index: number
  title?: string
  line: number
  /** The `##` section the cell is in (undefined before the first `##`). */
  section?: string
  /** The nearest heading of any depth above the cell (the cell's own section or subsection). */
  heading?: string
  /** Words of prose between that heading and the cell. */
  proseWords: number
  /** What comes right before the cell: prose (its lead-in), code (another cell, a diagram …), a heading, or nothing. */
  before: MarkdownBlock['kind'] | 'nothing'
}

/** Where each cell of a lesson body sits, read with the same helpers as search and the heading ids. */
function cellPlacements(body: string): Placement[] {
  const lines = body.split('\n')
  return extractCells(body).map((cell) => {
    const blocks = markdownBlocks(lines.slice(0, cell.line - 1).join('\n'))
    const headingAt = blocks.findLastIndex((b) => b.kind === 'heading')
    const section = blocks.findLast((b) => b.kind === 'heading' && b.depth <= 2)
    const prose = blocks
      .slice(headingAt + 1)
      .filter((b) => b.kind === 'text')
      .map((b) => b.text)
      .join(' ')
    return {
      index: cell.index,
      title: cell.title,
      line: cell.line,
      section: section?.text,
      heading: headingAt >= 0 ? blocks[headingAt]?.text : undefined,
      proseWords: prose.split(/\s+/).filter(Boolean).length,
      before: blocks.at(-1)?.kind ?? 'nothing',
    }
  })
}

const isTryIt = (heading?: string) => heading !== undefined && /^try it\b/i.test(heading.trim())

/** Every rule a placement breaks, as readable messages. */
function placementProblems(body: string): string[] {
  return cellPlacements(body).flatMap((p) => {
    const where = `cell ${p.index}${p.title ? ` "${p.title}"` : ''} (line ${p.line})`
    const problems: string[] = []
    if (!p.title?.trim()) problems.push(`${where} has no title="…"`)
    if (isTryIt(p.section) || isTryIt(p.heading))
      problems.push(`${where} sits in a "Try it" section; move it beside the paragraph it illustrates`)
    if (p.before === 'heading' || p.before === 'nothing' || p.proseWords === 0)
      problems.push(`${where} is the first thing in "${p.heading ?? 'the lesson'}"; teach the concept first`)
    else if (p.before !== 'text')
      problems.push(`${where} follows a code block directly; give it a lead-in sentence of its own`)
    else if (p.proseWords < MIN_PROSE_WORDS)
      problems.push(`${where} has only ${p.proseWords} words of prose before it in "${p.heading ?? 'the lesson'}"`)
    return problems
  })
}

const cell = (title?: string) =>
  `\`\`\`ts cell${title === undefined ? '' : ` title="${title}"`}\nconsole.log(1)\n\`\`\`\n`
const teaching =
  'A queue decouples a producer from its consumers: messages wait until a consumer is ready, and a failure in one ' +
  'consumer does not slow down the producer. The visibility timeout hides a received message while it is processed.\n'
const leadIn = 'The cell below sends one message and receives it; look at the receive count it prints.\n'

describe('the cell placement rules', () => {
  it('accept a titled cell after teaching prose and a lead-in', () => {
    expect(placementProblems(`## Queues\n\n${teaching}\n${leadIn}\n${cell('Send and receive')}`)).toEqual([])
  })

  it('reject cells in a "Try it" section, even under a subheading', () => {
    expect(placementProblems(`## Queues\n\n${teaching}\n## Try it\n\n${teaching}\n${leadIn}\n${cell('A')}`)).toEqual([
      expect.stringContaining('"Try it" section'),
    ])
    expect(placementProblems(`## Try it\n\n${teaching}\n### Queues\n\n${teaching}\n${leadIn}\n${cell('A')}`)).toEqual([
      expect.stringContaining('"Try it" section'),
    ])
  })

  it('reject a cell without a title', () => {
    expect(placementProblems(`## Queues\n\n${teaching}\n${leadIn}\n${cell()}`)).toEqual([
      expect.stringContaining('has no title'),
    ])
    expect(placementProblems(`## Queues\n\n${teaching}\n${leadIn}\n${cell('')}`)).toEqual([
      expect.stringContaining('has no title'),
    ])
  })

  it('reject a cell that opens its section, or follows another block without a lead-in', () => {
    expect(placementProblems(`## Queues\n\n${teaching}\n### Demo\n\n${cell('A')}`)).toEqual([
      expect.stringContaining('first thing in "Demo"'),
    ])
    expect(placementProblems(cell('A'))).toEqual([expect.stringContaining('first thing in "the lesson"')])
    expect(placementProblems(`## Queues\n\n${teaching}\n${leadIn}\n${cell('A')}\n${cell('B')}`)).toEqual([
      expect.stringContaining('follows a code block directly'),
    ])
    expect(placementProblems(`## Queues\n\n${leadIn.slice(0, 40)}\n\n${cell('A')}`)).toEqual([
      expect.stringContaining('words of prose before it'),
    ])
  })

  it('do not mistake a "## Try it" line inside another code block for a heading', () => {
    const fenced = '```md\n## Try it\n```\n'
    expect(placementProblems(`## Queues\n\n${fenced}\n${teaching}\n${leadIn}\n${cell('A')}`)).toEqual([])
  })
})

describe('lesson cells', () => {
  const lessons = listLessonDirs().map(readLessonDir)

  it('exist (so the rules below check something)', () => {
    expect(lessons.flatMap((l) => extractCells(l.body)).length).toBeGreaterThan(0)
  })

  it('each have a title, sit beside the prose they illustrate and never in a "Try it" section', () => {
    const problems = lessons.flatMap((lesson) =>
      placementProblems(lesson.body).map((problem) => `${lesson.section}: ${problem}`),
    )
    expect(problems).toEqual([])
  })
})
