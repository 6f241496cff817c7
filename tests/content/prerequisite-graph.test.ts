import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PrerequisiteGraph } from '@/components/lesson/PrerequisiteGraph'
import { getLessonFile, listLessons } from '@/lib/content/lessons'
import { prerequisiteChain } from '@/lib/content/paths'
import { prerequisiteGraph } from '@/lib/content/prerequisite-graph'

const titles = new Map(listLessons().map((l) => [l.section, l.title]))
// read once: the chain asks for the same lessons many times
const prerequisites = new Map([...titles.keys()].map((id) => [id, getLessonFile(id)?.frontmatter.prerequisites ?? []]))
const prerequisitesOf = (id: string) => prerequisites.get(id)

function graphOf(section: string) {
  const chain = prerequisiteChain(section, prerequisitesOf)
  return { chain, graph: prerequisiteGraph(section, chain, prerequisitesOf) }
}

describe("each lesson's prerequisite graph", () => {
  it('places every prerequisite of every lesson left of the lessons that need it', () => {
    for (const section of titles.keys()) {
      const { chain, graph } = graphOf(section)
      expect(graph.nodes.map((n) => n.id).sort(), section).toEqual([...chain, section].sort())
      const column = new Map(graph.nodes.map((n) => [n.id, n.column]))
      for (const { from, to } of graph.edges) expect(column.get(from) ?? 99, `${section}: ${from} → ${to}`).toBeLessThan(column.get(to) ?? -1)
      expect(column.get(section), section).toBe(graph.columns - 1)
    }
  })

  it('draws the order pipeline chapter as a labelled SVG whose boxes link to the lessons that come first', () => {
    const { chain, graph } = graphOf('order-pipeline')
    const html = renderToStaticMarkup(createElement(PrerequisiteGraph, { section: 'order-pipeline', graph, titles }))
    expect(html).toContain('role="group"')
    expect(html).toContain(`<title id="prereq-title-order-pipeline">Prerequisites of ${titles.get('order-pipeline')}</title>`)
    for (const id of chain) expect(html).toContain(`href="/lessons/${id}"`)
    expect(html).not.toContain('href="/lessons/order-pipeline"')
    expect(html.match(/marker-end=/g)).toHaveLength(graph.edges.length)
    expect(html).toContain('comes before')
  })
})
