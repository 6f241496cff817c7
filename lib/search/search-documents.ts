import 'server-only'
import { getLessonFile, listLessons } from '@/lib/content/lessons'
import { lessonDocuments } from './lesson-documents'
import type { SearchDocument } from './search-options'

let cached: SearchDocument[] | undefined

/**
 * Every searchable document of every lesson, in course order. Built once per process in production; development
 * rebuilds on each call so lesson edits show up in search, like lessonFiles() in lib/content/lessons.ts.
 */
export function getSearchDocuments(): SearchDocument[] {
  if (cached && process.env.NODE_ENV === 'production') return cached
  cached = listLessons().flatMap((summary) => {
    const file = getLessonFile(summary.section)
    if (!file) return []
    const { section, title, summary: lessonSummary, keywords } = file.frontmatter
    return lessonDocuments({ section, title, summary: lessonSummary, keywords, body: file.body })
  })
  return cached
}
