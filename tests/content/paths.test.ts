import { describe, expect, it } from 'vitest'
import { listLessonDirs, readLessonDir } from '@/lib/content/lesson-files'
import { loadOutline } from '@/lib/content/outline'
import { loadPaths, prerequisiteChain } from '@/lib/content/paths'

/** lessons/paths.json points at real lessons and never asks for a lesson before one it depends on. */
describe('learning paths', () => {
  const paths = loadPaths()
  const outline = new Set(loadOutline().sections.map((s) => s.id))
  const prerequisites = new Map(
    listLessonDirs()
      .map(readLessonDir)
      .map((l) => [l.section, l.frontmatter.prerequisites]),
  )

  it('has start-here and the three role paths', () => {
    expect(paths.map((p) => p.id)).toEqual(['start-here', 'developer', 'solutions-architect', 'data-engineer'])
    expect(paths[0]?.sections.slice(0, 2)).toEqual(['iam', 's3'])
  })

  it.each(paths.map((p) => [p.id, p] as const))('%s: every section is an outline lesson', (_id, path) => {
    for (const id of path.sections) {
      expect(outline.has(id), `${id} is not in the outline`).toBe(true)
      expect(prerequisites.has(id), `${id} has no lesson`).toBe(true)
    }
  })

  it.each(paths.map((p) => [p.id, p] as const))('%s: prerequisites on the path come first', (_id, path) => {
    const position = new Map(path.sections.map((id, i) => [id, i]))
    for (const [i, id] of path.sections.entries()) {
      for (const before of prerequisiteChain(id, (s) => prerequisites.get(s))) {
        const at = position.get(before)
        if (at !== undefined) expect(at, `${before} must come before ${id}`).toBeLessThan(i)
      }
    }
  })

  it('every lesson has a finite prerequisite chain of real lessons', () => {
    for (const section of prerequisites.keys()) {
      const chain = prerequisiteChain(section, (s) => prerequisites.get(s))
      expect(chain).not.toContain(section)
      for (const id of chain) expect(prerequisites.has(id)).toBe(true)
    }
  })
})
