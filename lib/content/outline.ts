import { readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { sectionId } from './schema'

const outlineSchema = z.object({
  parts: z.array(
    z.object({
      id: sectionId,
      title: z.string(),
      sections: z.array(
        z.object({
          id: sectionId,
          title: z.string(),
          seedLines: z.tuple([z.number().int(), z.number().int()]),
          seedHasHeading: z.boolean(),
          note: z.string().optional(),
        }),
      ),
    }),
  ),
})

export type Outline = z.infer<typeof outlineSchema>
export type OutlineSection = Outline['parts'][number]['sections'][number] & {
  part: string
  partTitle: string
  order: number
  index: number
}

export const lessonsRoot = path.join(process.cwd(), 'lessons')

let cached: { outline: Outline; sections: OutlineSection[] } | undefined

/** The course outline (a copy of shared/course-outline.json kept in lessons/), parsed once. */
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
