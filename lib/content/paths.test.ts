import { describe, expect, it } from 'vitest'
import { pathsFileSchema, prerequisiteChain } from './paths'

const graph: Record<string, string[]> = {
  iam: [],
  vpc: [],
  ec2: ['vpc'],
  ecr: ['iam'],
  ecs: ['ec2', 'ecr'],
  loop: ['loop-b'],
  'loop-b': ['loop'],
}
const of = (id: string) => graph[id]

describe('prerequisiteChain', () => {
  it('lists every transitive prerequisite after its own prerequisites', () => {
    expect(prerequisiteChain('ecs', of)).toEqual(['vpc', 'ec2', 'iam', 'ecr'])
    expect(prerequisiteChain('ec2', of)).toEqual(['vpc'])
    expect(prerequisiteChain('iam', of)).toEqual([])
  })

  it('terminates on a cycle and skips unknown sections', () => {
    expect(prerequisiteChain('loop', of)).toEqual(['loop-b'])
    expect(prerequisiteChain('ecs', (id) => (id === 'ecs' ? ['nowhere', 'iam'] : of(id)))).toEqual(['iam'])
  })
})

describe('pathsFileSchema', () => {
  const path = (id: string, sections: string[]) => ({ id, title: 'A path', summary: 'x'.repeat(40), sections })

  it('refuses duplicates and a first path other than start-here', () => {
    expect(pathsFileSchema.safeParse({ paths: [path('start-here', ['iam', 's3', 'iam'])] }).success).toBe(false)
    expect(pathsFileSchema.safeParse({ paths: [path('developer', ['iam', 's3', 'vpc'])] }).success).toBe(false)
    expect(pathsFileSchema.safeParse({ paths: [path('start-here', ['iam', 's3', 'vpc'])] }).success).toBe(true)
  })
})
