import type { Code, Root } from 'mdast'
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx'
import { visit } from 'unist-util-visit'
import { cellMeta } from './cell-meta'

/**
 * Turns ```ts cell title="…" fences into <Cell code="…" title="…" index={n} />, so authors write plain
 * markdown and the page gets a runnable notebook cell. extractCells() in lesson-files.ts reads the same fences.
 */
export function remarkCells() {
  return (tree: Root) => {
    let index = 0
    visit(tree, 'code', (node: Code, position, parent) => {
      if (!parent || position === undefined) return
      if (!['ts', 'typescript'].includes(node.lang ?? '') || !/\bcell\b/.test(node.meta ?? '')) return
      const { title, timeoutSeconds } = cellMeta(node.meta ?? '')
      const attributes: MdxJsxFlowElement['attributes'] = [
        { type: 'mdxJsxAttribute', name: 'code', value: node.value },
        { type: 'mdxJsxAttribute', name: 'cellId', value: `cell-${index++}` },
      ]
      if (title) attributes.push({ type: 'mdxJsxAttribute', name: 'title', value: title })
      if (timeoutSeconds) attributes.push({ type: 'mdxJsxAttribute', name: 'timeout', value: String(timeoutSeconds) })
      const cell: MdxJsxFlowElement = { type: 'mdxJsxFlowElement', name: 'Cell', attributes, children: [] }
      parent.children.splice(position, 1, cell)
    })
  }
}
