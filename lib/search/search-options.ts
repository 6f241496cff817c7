import MiniSearch, { type Options, type SearchResult } from 'minisearch'

/**
 * Shared by the server (which builds the documents) and the browser (which indexes and searches them), so both
 * sides agree on fields and ranking. No server-only imports here.
 */

/** One searchable part of a lesson: the lesson itself (its summary and intro) or one ##/### section. */
export type SearchDocument = {
  /** /lessons/<section> or /lessons/<section>#<heading-id>; unique, so it is also the MiniSearch id. */
  url: string
  section: string
  /** The lesson title. */
  title: string
  /** The section heading; empty for the lesson document. */
  heading: string
  text: string
  keywords: string[]
}

export type SearchHit = { document: SearchDocument; terms: string[]; score: number }
export type LessonSearchIndex = { miniSearch: MiniSearch<SearchDocument>; documents: Map<string, SearchDocument> }
export type HighlightSegment = { text: string; match: boolean }

// Words are split on spaces, punctuation and symbols (MiniSearch's default leaves symbols in, so code such as
// `alb-${stamp}` would index "`alb"). Highlighting splits the same way, so exactly the indexed words light up;
// its capture group keeps the separators in split()'s output.
const SEPARATOR = /[\n\r\p{Z}\p{P}\p{S}]+/u
const SEPARATORS = /([\n\r\p{Z}\p{P}\p{S}]+)/u

/** Question words dropped from queries, so "what is a DLQ" searches for "DLQ". */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'are',
  'can',
  'do',
  'does',
  'for',
  'how',
  'i',
  'in',
  'is',
  'of',
  'or',
  'the',
  'to',
  'what',
  'when',
  'which',
  'why',
  'with',
])

/** A match in the lesson title matters most, then an acronym or keyword, then a heading, then body text. */
export const FIELD_BOOST = { title: 4, keywords: 3, heading: 2, text: 1 }

export const miniSearchOptions: Options<SearchDocument> = {
  idField: 'url',
  fields: ['title', 'keywords', 'heading', 'text'],
  // Only the id comes back in results: the browser already holds every document (it downloaded them to build
  // the index), so hits are joined back to those objects instead of storing a second copy of all the text.
  storeFields: [],
  stringifyField: (value: unknown) => (Array.isArray(value) ? value.join(' ') : String(value)),
  tokenize: (text: string) => text.split(SEPARATOR).filter(Boolean),
  searchOptions: {
    boost: FIELD_BOOST,
    // Results update on every keystroke, so the word being typed (the last) is a prefix ("pres" → "presigned").
    // Finished words are not: "code" as a prefix would also match CodeBuild, CodeCommit, CodePipeline… and rank
    // those above Lambda for "run code without servers".
    prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
    // Typo tolerance of 0.2 × length, but only from five letters: this course is full of three-letter names
    // one edit apart (SQS/SNS, ALB/NLB/CLB) that must not match each other.
    fuzzy: (term: string) => (term.length >= 5 ? 0.2 : false),
  },
}

/** Indexes in chunks that yield to the event loop, so the dialog stays responsive while ~1,300 sections are added. */
export async function createSearchIndex(documents: readonly SearchDocument[]): Promise<LessonSearchIndex> {
  const miniSearch = new MiniSearch<SearchDocument>(miniSearchOptions)
  await miniSearch.addAllAsync(documents, { chunkSize: 100 })
  return { miniSearch, documents: new Map(documents.map((d) => [d.url, d])) }
}

/**
 * Every query word must match (so "layer 7" means both), falling back to any word when that finds nothing,
 * so a question like "what is a DLQ" still answers. At most `perLesson` sections of one lesson are shown,
 * otherwise a lesson whose title matches would fill the whole list with its own sections.
 */
export function searchLessons(
  index: LessonSearchIndex,
  query: string,
  { limit = 20, perLesson = 4 } = {},
): SearchHit[] {
  const text = withoutStopWords(query)
  if (!text) return []
  let results: SearchResult[] = index.miniSearch.search(text, { combineWith: 'AND' })
  if (!results.length) results = index.miniSearch.search(text, { combineWith: 'OR' })

  const hits: SearchHit[] = []
  const perSection = new Map<string, number>()
  for (const result of results) {
    const document = index.documents.get(String(result.id))
    if (!document) continue
    const shown = perSection.get(document.section) ?? 0
    if (shown >= perLesson) continue
    perSection.set(document.section, shown + 1)
    hits.push({ document, terms: result.terms, score: result.score })
    if (hits.length >= limit) break
  }
  return hits
}

/** The last word is kept even if it is a stop word: it may be the start of a longer word ("an" → "analytics"). */
function withoutStopWords(query: string): string {
  const words = query.split(SEPARATOR).filter(Boolean)
  const typing = !/\s$/.test(query)
  const kept = words.filter((w, i) => !STOP_WORDS.has(w.toLowerCase()) || (typing && i === words.length - 1))
  return (kept.length ? kept : words).join(' ')
}

/** Splits text into plain and matched runs; `terms` are the indexed words a hit matched (SearchResult.terms). */
export function highlight(text: string, terms: readonly string[]): HighlightSegment[] {
  const wanted = new Set(terms.map((t) => t.toLowerCase()))
  const segments: HighlightSegment[] = []
  text.split(SEPARATORS).forEach((part, i) => {
    if (!part) return
    const match = i % 2 === 0 && wanted.has(part.toLowerCase())
    const last = segments.at(-1)
    if (last && last.match === match && !match) last.text += part
    else segments.push({ text: part, match })
  })
  return segments
}

/**
 * A window of about `length` characters around the densest cluster of matched words, cut at word boundaries,
 * with an ellipsis where text was dropped. Falls back to the start of the text when nothing matches.
 */
export function snippet(text: string, terms: readonly string[], length = 160): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= length) return clean
  const wanted = new Set(terms.map((t) => t.toLowerCase()))
  const matches: { at: number; term: string }[] = []
  let offset = 0
  clean.split(SEPARATORS).forEach((part, i) => {
    if (i % 2 === 0 && wanted.has(part.toLowerCase())) matches.push({ at: offset, term: part.toLowerCase() })
    offset += part.length
  })

  // Start a little before a match so the matched word has context; prefer the window covering most distinct terms.
  const lead = Math.floor(length / 4)
  let start = 0
  let best = 0
  for (const { at } of matches) {
    const from = Math.max(0, at - lead)
    const distinct = new Set(matches.filter((m) => m.at >= from && m.at < from + length).map((m) => m.term)).size
    if (distinct > best) {
      best = distinct
      start = from
    }
  }
  start = Math.min(start, Math.max(0, clean.length - length))
  let end = Math.min(clean.length, start + length)
  if (start > 0) {
    const space = clean.indexOf(' ', start)
    if (space !== -1 && space < end) start = space + 1
  }
  if (end < clean.length) {
    const space = clean.lastIndexOf(' ', end)
    if (space > start) end = space
  }
  return `${start > 0 ? '…' : ''}${clean.slice(start, end)}${end < clean.length ? '…' : ''}`
}

/** The index arrives as JSON from /api/search-index; check its shape rather than trusting it. */
export function isSearchDocumentList(value: unknown): value is SearchDocument[] {
  return Array.isArray(value) && value.every(isSearchDocument)
}

function isSearchDocument(value: unknown): value is SearchDocument {
  return (
    typeof value === 'object' &&
    value !== null &&
    'url' in value &&
    typeof value.url === 'string' &&
    'section' in value &&
    typeof value.section === 'string' &&
    'title' in value &&
    typeof value.title === 'string' &&
    'heading' in value &&
    typeof value.heading === 'string' &&
    'text' in value &&
    typeof value.text === 'string' &&
    'keywords' in value &&
    Array.isArray(value.keywords) &&
    value.keywords.every((k: unknown) => typeof k === 'string')
  )
}
