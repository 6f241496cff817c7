import GithubSlugger from 'github-slugger'
import { markdownBlocks } from './markdown-text'

export type Heading = { depth: number; text: string; id: string }

/**
 * Every heading of a lesson body with the id rehype-slug gives it on the page: one github-slugger over the
 * headings' visible text, in document order, skipping code. The table of contents, link checks and search use
 * this one function so their anchors always match the rendered page.
 */
export function lessonHeadings(body: string): Heading[] {
  const slugger = new GithubSlugger()
  return markdownBlocks(body).flatMap((block) =>
    block.kind === 'heading' ? [{ depth: block.depth, text: block.text, id: slugger.slug(block.text) }] : [],
  )
}
