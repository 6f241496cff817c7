import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { sectionId } from './schema'

/** A section taught from the seed notes: its facts are the seed lines it points at, checked by the coverage test. */
const seedSectionSchema = z
  .object({
    id: sectionId,
    title: z.string(),
    seedLines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
    seedHasHeading: z.boolean(),
    note: z.string().optional(),
  })
  .strict()

/**
 * A section the seed notes lack but a 2026 associate-level learner needs (DynamoDB, Athena, …). It has no seed lines,
 * so seed coverage does not apply; `why` records the reason it is in the course, so the outline stays reviewable.
 */
const beyondSeedSectionSchema = z
  .object({
    id: sectionId,
    title: z.string(),
    beyondSeed: z.literal(true),
    why: z.string().min(40).regex(/[.!]$/, 'why is a full sentence'),
    note: z.string().optional(),
  })
  .strict()

const outlineSchema = z.object({
  source: z.string().optional(),
  about: z.string().optional(),
  parts: z.array(
    z.object({
      id: sectionId,
      title: z.string(),
      sections: z.array(z.union([seedSectionSchema, beyondSeedSectionSchema])),
    }),
  ),
})

export type Outline = z.infer<typeof outlineSchema>
export type SeedSection = z.infer<typeof seedSectionSchema>
export type BeyondSeedSection = z.infer<typeof beyondSeedSectionSchema>

/** True for sections added beyond the seed notes; they get every content check except seed coverage. */
export function isBeyondSeed(section: SeedSection | BeyondSeedSection): section is BeyondSeedSection {
  return 'beyondSeed' in section
}
export type OutlineSection = Outline['parts'][number]['sections'][number] & {
  part: string
  partTitle: string
  order: number
  index: number
}

export const lessonsRoot = path.join(process.cwd(), 'lessons')

let cached: { outline: Outline; sections: OutlineSection[] } | undefined

/** The course outline: shared/course-outline.json plus the sections beyond the seed notes (beyondSeed), parsed once. */
export function loadOutline() {
  if (cached) return cached
  const outline = outlineSchema.parse(JSON.parse(readFileSync(path.join(lessonsRoot, 'course-outline.json'), 'utf8')))
  const sections: OutlineSection[] = []
  for (const part of outline.parts) {
    part.sections.forEach((s, i) => {
      sections.push({ ...s, part: part.id, partTitle: part.title, order: i + 1, index: sections.length })
    })
  }
  cached = { outline, sections }
  return cached
}
