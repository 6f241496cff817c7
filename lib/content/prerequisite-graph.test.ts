import { describe, expect, it } from 'vitest'
import { prerequisiteChain } from './paths'
import { prerequisiteGraph } from './prerequisite-graph'

const prerequisites: Record<string, string[]> = {
  'order-pipeline': ['lambda', 'dynamodb', 'sqs'],
  lambda: ['iam'],
  dynamodb: ['iam'],
  sqs: [],
  iam: [],
}
const of = (id: string) => prerequisites[id]

describe('prerequisite graph', () => {
  it('puts each prerequisite as far left as its longest path to the lesson, so every arrow points right', () => {
    const chain = prerequisiteChain('order-pipeline', of)
    const graph = prerequisiteGraph('order-pipeline', chain, of)
    const column = new Map(graph.nodes.map((n) => [n.id, n.column]))
    expect(column.get('order-pipeline')).toBe(2)
    expect(column.get('iam')).toBe(0)
    expect([column.get('lambda'), column.get('dynamodb'), column.get('sqs')]).toEqual([1, 1, 1])
    for (const { from, to } of graph.edges) expect(column.get(from) ?? 0).toBeLessThan(column.get(to) ?? 0)
    expect(graph.edges).toHaveLength(5)
    expect({ columns: graph.columns, rows: graph.rows }).toEqual({ columns: 3, rows: 3 })
  })

  it('is one node for a lesson without prerequisites', () => {
    const graph = prerequisiteGraph('iam', prerequisiteChain('iam', of), of)
    expect(graph.nodes).toEqual([{ id: 'iam', column: 0, row: 0 }])
    expect(graph.edges).toEqual([])
  })
})
