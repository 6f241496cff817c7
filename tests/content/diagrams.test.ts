import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CompileError, compileMdx } from '@/lib/content/compile'
import { listLessonDirs } from '@/lib/content/lesson-files'
import { followSiteTheme, labelSvg } from '@/lib/content/diagram-svg'
import { diagramLabels, renderDiagram } from '@/lib/content/remark-diagrams'

const MIN_LESSONS_WITH_DIAGRAMS = 40
/** Wider than this and the prose column (~700 px) would shrink the labels below a readable size. */
const MAX_WIDTH = 1000

const FENCE = /^```d2([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm

// Only lesson.mdx matters here (lessons.test.ts validates the rest of each folder), so read it directly: the
// line numbers are then the file's, which is what a failing diagram should point at.
const lessons = listLessonDirs()
  .map((dir) => path.join(dir, 'lesson.mdx'))
  .filter((file) => existsSync(file))
  .map((file) => {
    const source = readFileSync(file, 'utf8')
    return {
      file: path.relative(process.cwd(), file),
      diagrams: [...source.matchAll(FENCE)].map((match) => ({
        ...diagramLabels(match[1]),
        source: match[2] ?? '',
        line: source.slice(0, match.index).split('\n').length,
      })),
    }
  })
const withDiagrams = lessons.filter((lesson) => lesson.diagrams.length > 0)

it(`gives at least ${MIN_LESSONS_WITH_DIAGRAMS} lessons a diagram`, () => {
  expect(withDiagrams.length).toBeGreaterThanOrEqual(MIN_LESSONS_WITH_DIAGRAMS)
})

describe.each(withDiagrams)('$file', ({ diagrams }) => {
  it.each(diagrams.map((diagram, index) => ({ ...diagram, index })))(
    'line $line: $title renders to labelled SVG',
    async ({ title, desc, source, index }) => {
      expect(title, 'title="…" on the fence').toBeTruthy()
      expect(desc, 'desc="…" on the fence').toBeTruthy()
      const id = `diagram-${index}`
      const svg = await renderDiagram({ source, title: title ?? '', desc: desc ?? '', id })
      expect(svg).toMatch(new RegExp(`^<svg role="img" aria-labelledby="${id}-title ${id}-desc"`))
      expect(svg).toContain(`<title id="${id}-title">`)
      expect(svg).toContain(`<desc id="${id}-desc">`)
      // Both themes are in the SVG, scoped to the site's data-theme switch.
      expect(svg).toContain(":root[data-theme='dark']")
      const width = Number(/^<svg[^>]* width="([\d.]+)"/.exec(svg)?.[1])
      expect(width, 'diagram width in px').toBeLessThanOrEqual(MAX_WIDTH)
    },
    120_000,
  )
})

describe('diagram fences in the MDX compile', () => {
  const file = `${process.cwd()}/lessons/example/diagram-fixture.mdx`

  it('turns a d2 fence into an inline, labelled SVG', { timeout: 120_000 }, async () => {
    const code = await compileMdx(file, '## Flow\n\n```d2 title="Two boxes" desc="a sends to b"\na -> b\n```\n')
    expect(code).toContain('Diagram')
    expect(code).toMatch(/role=\\?"img\\?"/)
    expect(code).toContain('Two boxes')
  })

  it('names the lesson file and line of a broken diagram', { timeout: 120_000 }, async () => {
    const source = '## Flow\n\nText\n\n```d2 title="Broken" desc="does not parse"\na -> b\nc: {shape: nonsense}\n```\n'
    const error = await compileMdx(file, source).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CompileError)
    expect(String(error)).toContain('lessons/example/diagram-fixture.mdx')
    expect(String(error)).toMatch(/line 7\b/)
    expect(String(error)).toContain('unknown shape')
  })

  it('requires a title and a description', { timeout: 120_000 }, async () => {
    const error = await compileMdx(file, '```d2\na -> b\n```\n').catch((e: unknown) => e)
    expect(String(error)).toMatch(/line 1\b[\s\S]*title=/)
  })
})

describe('diagram SVG post-processing', () => {
  it('moves the dark palette under the site theme switch', () => {
    const svg =
      '<svg><style>.d2-1 .fill-N1{fill:#000;}@media screen and (prefers-color-scheme:dark){.d2-1 .fill-N1{fill:#fff;}.md,.x{color:red}}</style></svg>'
    const themed = followSiteTheme(svg)
    expect(themed).toContain('.d2-1 .fill-N1{fill:#000;}')
    expect(themed).toContain(
      "@media screen and (prefers-color-scheme:dark){:root:not([data-theme='light']) .d2-1 .fill-N1{fill:#fff;}",
    )
    expect(themed).toContain(":root[data-theme='dark'] .md,:root[data-theme='dark'] .x{color:red}")
    expect(themed.endsWith('</style></svg>')).toBe(true)
  })

  it('labels the outer svg and escapes the text', () => {
    const svg = labelSvg('<svg viewBox="0 0 300 120"><g/></svg>', { id: 'd', title: 'A & B', desc: 'x < y "z"' })
    expect(svg).toBe(
      '<svg role="img" aria-labelledby="d-title d-desc" class="diagram-svg" width="300" height="120" viewBox="0 0 300 120">' +
        '<title id="d-title">A &amp; B</title><desc id="d-desc">x &lt; y &quot;z&quot;</desc><g/></svg>',
    )
  })
})
