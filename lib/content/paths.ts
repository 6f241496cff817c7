import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { lessonsRoot } from './outline'
import { sectionId } from './schema'

/** A learning path is data (lessons/paths.json), so authors reorder or add paths without touching code. */
const learningPathSchema = z
  .object({
    id: sectionId.describe('Stable path id (kebab-case)'),
    title: z.string().min(3),
    summary: z.string().min(40).describe('Who the path is for and what it covers, one or two sentences'),
    sections: z.array(sectionId).min(3).describe('Outline section ids in reading order'),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>()
    for (const id of p.sections) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `${p.id}: "${id}" appears twice` })
      seen.add(id)
    }
  })

export const pathsFileSchema = z
  .object({
    about: z.string().optional(),
    paths: z.array(learningPathSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = file.paths.map((p) => p.id)
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'two paths share an id' })
    if (ids[0] !== 'start-here') ctx.addIssue({ code: 'custom', message: 'the first path is "start-here"' })
  })

export type LearningPath = z.infer<typeof learningPathSchema>

let cached: LearningPath[] | undefined

/** The learning paths, parsed once; a broken file fails loudly with the zod message rather than showing no paths. */
export function loadPaths(): LearningPath[] {
  if (cached && process.env.NODE_ENV === 'production') return cached
  const file = path.join(lessonsRoot, 'paths.json')
  const parsed = pathsFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) {
    throw new Error(
      `lessons/paths.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    )
  }
  cached = parsed.data.paths
  return cached
}

/**
 * Every lesson to read before `section`, transitively, in an order that respects the prerequisites (each one after
 * its own prerequisites). Depth-first post-order; a visited set makes it terminate even if authors create a cycle.
 * Unknown ids (a prerequisite with no lesson yet) are skipped.
 */
export function prerequisiteChain(
  section: string,
  prerequisitesOf: (section: string) => string[] | undefined,
): string[] {
  const chain: string[] = []
  const visited = new Set<string>([section])
  const visit = (id: string) => {
    for (const prerequisite of prerequisitesOf(id) ?? []) {
      if (visited.has(prerequisite) || prerequisitesOf(prerequisite) === undefined) continue
      visited.add(prerequisite)
      visit(prerequisite)
      chain.push(prerequisite)
    }
  }
  visit(section)
  return chain
}
