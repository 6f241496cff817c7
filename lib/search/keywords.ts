/**
 * Search keywords beyond the words on the page: acronyms written in the text ("DLQ", "EC2") and acronyms
 * derived from multi-word terms ("dead-letter queue" → "DLQ"), so a learner who only knows one form finds the other.
 */

// Upper-case words of 2–8 letters/digits, plural "s" allowed ("ALBs" → "ALB").
const ACRONYM = /\b([A-Z][A-Z0-9]{1,7})s?\b/g
// Small words that initialisms skip: "Identity and Access Management" → IAM.
const SKIPPED = new Set(['a', 'an', 'and', 'by', 'for', 'in', 'of', 'on', 'the', 'to', 'with'])

export function acronymsIn(text: string): string[] {
  return [...text.matchAll(ACRONYM)].map((m) => m[1] ?? '').filter(Boolean)
}

/** "dead-letter queue" → "DLQ"; undefined for single words or long phrases, whose initials mean nothing. */
export function initialism(phrase: string): string | undefined {
  const words = phrase.split(/[\s\-/]+/).filter((w) => /^[A-Za-z]/.test(w) && !SKIPPED.has(w.toLowerCase()))
  if (words.length < 2 || words.length > 5) return undefined
  return words.map((w) => w.charAt(0).toUpperCase()).join('')
}

/** A title such as "Elastic Load Balancing (ALB, NLB, CLB)" holds several names; each gets its initialism. */
export function titleInitialisms(title: string): string[] {
  return title.split(/[(),:;—–]+/).flatMap((phrase) => initialism(phrase.trim()) ?? [])
}

/**
 * The lesson's frontmatter keywords that one part of the lesson is about (mentioned by name or by acronym),
 * plus every acronym in it. Giving each section only its own keywords keeps "DLQ" pointing at the section
 * that explains dead-letter queues rather than at every section of the SQS lesson.
 */
export function sectionKeywords(lessonKeywords: readonly string[], heading: string, text: string): string[] {
  const haystack = `${heading}\n${text}`
  const lower = haystack.toLowerCase()
  const acronyms = new Set(acronymsIn(haystack))
  const keywords = lessonKeywords.filter((k) => {
    const short = initialism(k)
    return lower.includes(k.toLowerCase()) || (short !== undefined && acronyms.has(short))
  })
  return unique([...keywords, ...keywords.flatMap((k) => initialism(k) ?? []), ...acronyms])
}

export function unique(values: readonly string[]): string[] {
  const seen = new Set<string>()
  return values.filter((v) => {
    const key = v.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
