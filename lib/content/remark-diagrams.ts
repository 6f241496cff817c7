import type { Code, Root } from 'mdast'
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx'
import { visit } from 'unist-util-visit'
import { D2Error, renderD2 } from './d2-render'
import { followSiteTheme, labelSvg } from './diagram-svg'

export type DiagramSource = { source: string; title: string; desc: string; id: string }

/** Reads `title="…"` and `desc="…"` from a fence's info string; both are required (they are the accessible text). */
export function diagramLabels(meta: string | null | undefined) {
  const title = /\btitle="([^"]*)"/.exec(meta ?? '')?.[1]?.trim()
  const desc = /\bdesc="([^"]*)"/.exec(meta ?? '')?.[1]?.trim()
  return { title, desc }
}

/** One D2 source → the inline SVG a lesson shows: themed for light and dark, labelled for screen readers. */
export async function renderDiagram({ source, title, desc, id }: DiagramSource): Promise<string> {
  const svg = await renderD2(source, id)
  return labelSvg(followSiteTheme(svg), { id, title, desc })
}

/** The part of a VFile this plugin uses: reporting an error at a line of the lesson. */
type LessonFile = { fail(reason: string, place: { line: number; column: number }): never }

/**
 * Turns ```d2 title="…" desc="…" fences into <Diagram svg="…" title="…" />: the diagram is drawn once, when the
 * lesson compiles (and is cached with it), so readers get plain inline SVG and no script. A broken diagram
 * fails the compile at its line in lesson.mdx.
 */
export function remarkDiagrams() {
  return async (tree: Root, file: LessonFile) => {
    const found: Code[] = []
    visit(tree, 'code', (node: Code) => {
      if (node.lang === 'd2') found.push(node)
    })
    let index = 0
    const rendered = new Map<Code, MdxJsxFlowElement>()
    // One at a time: the engine serialises anyway, and ids must follow document order.
    for (const node of found) {
      const id = `diagram-${index++}`
      const fenceLine = node.position?.start.line ?? 1
      const { title, desc } = diagramLabels(node.meta)
      if (!title || !desc) {
        file.fail('a ```d2 diagram needs title="…" and desc="…" (its accessible name and description)', {
          line: fenceLine,
          column: 1,
        })
      }
      try {
        const svg = await renderDiagram({ source: node.value, title, desc, id })
        rendered.set(node, {
          type: 'mdxJsxFlowElement',
          name: 'Diagram',
          attributes: [
            { type: 'mdxJsxAttribute', name: 'svg', value: svg },
            { type: 'mdxJsxAttribute', name: 'title', value: title },
          ],
          children: [],
        })
      } catch (error) {
        if (!(error instanceof D2Error)) throw error
        // The fence line is the ``` line; D2 counts from the first line inside it.
        const line = fenceLine + (error.line ?? 1)
        file.fail(`d2 diagram "${title}": ${error.message}`, { line, column: 1 })
      }
    }
    visit(tree, 'code', (node: Code, position, parent) => {
      const replacement = rendered.get(node)
      if (replacement && parent && position !== undefined) parent.children.splice(position, 1, replacement)
    })
  }
}
