import { lessonHeadings } from '../content/headings'
import { acronymsIn, initialism, sectionKeywords, titleInitialisms, unique } from './keywords'
import { markdownBlocks } from '../content/markdown-text'
import type { SearchDocument } from './search-options'

export type LessonForSearch = {
  section: string
  title: string
  summary: string
  keywords: readonly string[]
  body: string
}

/**
 * One document for the lesson (summary and the text before its first heading) and one per ## / ### section.
 * A ### section's text is its own, not its parent's, so a hit lands on the most specific heading.
 */
export function lessonDocuments(lesson: LessonForSearch): SearchDocument[] {
  // ids come from the same function as the table of contents, so a result links to the anchor on the page
  const headingIds = lessonHeadings(lesson.body).map((h) => h.id)
  let headingIndex = 0
  const url = `/lessons/${lesson.section}`
  const intro: string[] = [lesson.summary]
  const sections: { heading: string; id: string; lines: string[] }[] = []
  let current: string[] = intro

  for (const block of markdownBlocks(lesson.body)) {
    if (block.kind === 'heading') {
      const id = headingIds[headingIndex++] ?? ''
      if (block.depth === 2 || block.depth === 3) {
        const section = { heading: block.text, id, lines: [] }
        sections.push(section)
        current = section.lines
      } else if (block.text) {
        current.push(block.text)
      }
      continue
    }
    current.push(block.text)
  }

  const introText = join(intro)
  const lessonKeywords = unique([
    ...lesson.keywords,
    ...lesson.keywords.flatMap((k) => initialism(k) ?? []),
    ...titleInitialisms(lesson.title),
    ...acronymsIn(`${lesson.title}\n${introText}`),
  ])
  return [
    { url, section: lesson.section, title: lesson.title, heading: '', text: introText, keywords: lessonKeywords },
    ...sections.map((s) => {
      const text = join(s.lines)
      return {
        url: `${url}#${s.id}`,
        section: lesson.section,
        title: lesson.title,
        heading: s.heading,
        text,
        keywords: sectionKeywords(lesson.keywords, s.heading, text),
      }
    }),
  ]
}

function join(lines: readonly string[]): string {
  return lines
    .join('\n')
    .replace(/[ \t]+/g, ' ')
    .trim()
}
