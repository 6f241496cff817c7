/**
 * Lesson MDX → plain text, for the search index and for heading ids (headings.ts). A line-based pass is enough
 * for the markdown lessons use (headings, lists, tables, links, emphasis, fences, <Callout> blocks) and keeps the
 * index build cheap; it does not need to be a faithful renderer, only to leave the words a reader sees.
 */

export type MarkdownBlock =
  { kind: 'heading'; depth: number; text: string } | { kind: 'text'; text: string } | { kind: 'code'; text: string }

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/

/** Splits a lesson body into headings, prose lines and code lines, tracking fences so `## x` in code is not a heading. */
export function markdownBlocks(body: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = []
  let fence: string | undefined
  for (const line of body.split(/\r?\n/)) {
    if (fence) {
      // CommonMark: a fence closes with the same character, at least as long, and nothing after it.
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line)?.[1]
      if (close && close[0] === fence[0] && close.length >= fence.length) fence = undefined
      else blocks.push({ kind: 'code', text: line })
      continue
    }
    const open = FENCE_OPEN.exec(line)?.[1]
    if (open) {
      fence = open
      continue
    }
    const heading = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line)
    if (heading) {
      blocks.push({ kind: 'heading', depth: heading[1]?.length ?? 1, text: inlineText(heading[2] ?? '') })
      continue
    }
    const text = blockText(line)
    if (text) blocks.push({ kind: 'text', text })
  }
  return blocks
}

/** One prose line without its block syntax (quotes, list markers, table pipes, rules). */
function blockText(line: string): string {
  if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) return '' // table separator row
  if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) return '' // thematic break
  const withoutMarkers = line.replace(/^(\s*>)+\s?/, '').replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '')
  return inlineText(withoutMarkers.replace(/\|/g, ' '))
}

/**
 * Inline markdown → the text a reader sees. Code spans are kept verbatim (API names are worth finding), and
 * the rest is only touched outside them, so `<region>` or `a_b_c` inside backticks survive.
 */
export function inlineText(markdown: string): string {
  return markdown
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part.replace(/^`+\s?|\s?`+$/g, '') : proseText(part)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
}

function proseText(text: string): string {
  return (
    text
      .replace(/\{\/\*[\s\S]*?\*\/\}/g, '') // MDX comments
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images → alt text
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links → their text
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1') // reference links
      .replace(/<(https?:\/\/[^>\s]+)>/g, '$1') // autolinks
      // A component's title attribute is real prose (a callout's heading); the rest of a tag is markup.
      .replace(
        /<\/?[A-Za-z][\w.:-]*((?:\s+[\w:-]+(?:=(?:"[^"]*"|'[^']*'|\{[^}]*\}))?)*)\s*\/?>/g,
        (_tag, attributes: string) => {
          const title = /\btitle=(?:"([^"]*)"|'([^']*)')/.exec(attributes)
          return title ? ` ${title[1] ?? title[2] ?? ''} ` : ' '
        },
      )
      .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1') // backslash escapes
      .replace(/\*\*|__|~~/g, '')
      .replace(/\*/g, '')
      // Emphasis underscores sit at word edges; the ones inside snake_case names stay.
      .replace(/(?<!\w)_+|_+(?!\w)/g, '')
      .replace(/&nbsp;/g, ' ')
  )
}
