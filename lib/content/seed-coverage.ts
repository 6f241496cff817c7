import { readFileSync } from 'node:fs'
import path from 'node:path'
import { isBeyondSeed, lessonsRoot, type BeyondSeedSection, type SeedSection } from './outline'

/**
 * Measures how much of the seed notes a lesson teaches. Terms are derived from the seed text itself,
 * so the test cannot drift from the source: a seed line counts as taught when most of its distinctive
 * terms (not common English, not filler) appear somewhere in the lesson or its quiz.
 */

const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
can cannot could did do does doing down during each etc few for from further had has have having he her here hers him his how
i if in into is it its itself just let like may me might more most must my no nor not now of off on once only or other our out
over own per same she should so some such than that the their them then there these they this those through to too under
until up upon us very via was we were what when where which while who whom why will with within without would you your yours
e.g eg ie i.e vs use used uses using can't don't doesn't it's get gets one two also well via based make makes need needs
aws amazon service services feature features support supports supported allow allows allowing provide provides provided
thing things way ways want lot new see will able data type types set sets time etc.`.split(/\s+/),
)

/** A deliberately small stemmer: enough to match "messages" with "message" and "scaling" with "scaled". */
export function stem(word: string): string {
  const cut = (suffix: string, replacement = '') =>
    word.length - suffix.length >= 3 && word.endsWith(suffix) ? word.slice(0, -suffix.length) + replacement : undefined
  return (
    cut('ies', 'y') ??
    cut('ing') ??
    cut('ed') ??
    (/(?:s|x|z|ch|sh)es$/.test(word) ? cut('es') : undefined) ??
    (/[^su]s$/.test(word) ? cut('s') : undefined) ??
    cut('ly') ??
    word
  )
}

export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+(?:[.'][a-z0-9]+)*/g) ?? []).map((t) => t.replace(/'s$/, ''))
}

/** Distinctive terms of one seed line: numbers, acronyms and uncommon words, deduplicated and stemmed. */
export function distinctiveTerms(line: string): string[] {
  const terms = new Set<string>()
  for (const token of tokenize(line)) {
    if (STOPWORDS.has(token)) continue
    if (/^\d+$/.test(token) || token.length >= 3) terms.add(stem(token))
  }
  return [...terms]
}

export type SeedFact = { line: number; text: string; terms: string[] }

let seedLines: string[] | undefined

/**
 * The seed lines of a section that state facts: bullets and prose sentences, not the section heading. Sections added
 * beyond the notes have none, so coverage is not measured for them (they still get every other content check).
 */
export function seedFacts(section: SeedSection | BeyondSeedSection): SeedFact[] {
  if (isBeyondSeed(section)) return []
  seedLines ??= readFileSync(path.join(lessonsRoot, 'seed-notes.txt'), 'utf8').split('\n')
  const [from, to] = section.seedLines
  const facts: SeedFact[] = []
  for (let n = from; n <= to; n++) {
    const raw = (seedLines[n - 1] ?? '').trim()
    const isBullet = raw.startsWith('•')
    const text = raw.replace(/^•\s*/, '')
    if (!text || (!isBullet && text.split(/\s+/).length < 6)) continue
    const terms = distinctiveTerms(text)
    if (terms.length > 0) facts.push({ line: n, text, terms })
  }
  return facts
}

export type FactCoverage = SeedFact & { missing: string[]; covered: boolean }

/** A fact is covered when at least 75 % of its terms (all of them when it has at most two) occur in the lesson. */
export function coverFacts(facts: SeedFact[], lessonText: string): FactCoverage[] {
  const tokens = tokenize(lessonText).map(stem)
  const vocabulary = new Set(tokens)
  const has = (term: string) => vocabulary.has(term) || (term.length >= 4 && tokens.some((t) => t.startsWith(term)))
  return facts.map((fact) => {
    const missing = fact.terms.filter((t) => !has(t))
    const needed = fact.terms.length <= 2 ? fact.terms.length : Math.ceil(fact.terms.length * 0.75)
    return { ...fact, missing, covered: fact.terms.length - missing.length >= needed }
  })
}

/** Runs of at least this many consecutive seed words found verbatim in a lesson count as copied prose. */
export const COPIED_RUN_WORDS = 10

let seedGrams: Set<string> | undefined

/**
 * Passages of a lesson that repeat the seed notes word for word (code excluded: identifiers and ARNs may match).
 * Lessons teach the seed's facts in new sentences; this finds the places where they did not.
 */
export function copiedRuns(text: string, runWords = COPIED_RUN_WORDS): string[] {
  if (!seedGrams || runWords !== COPIED_RUN_WORDS) {
    seedLines ??= readFileSync(path.join(lessonsRoot, 'seed-notes.txt'), 'utf8').split('\n')
    const words = tokenize(seedLines.join('\n'))
    const grams = new Set<string>()
    for (let i = 0; i + runWords <= words.length; i++) grams.add(words.slice(i, i + runWords).join(' '))
    if (runWords !== COPIED_RUN_WORDS) return findRuns(text, grams, runWords)
    seedGrams = grams
  }
  return findRuns(text, seedGrams, runWords)
}

function findRuns(text: string, grams: Set<string>, runWords: number): string[] {
  const prose = text.replace(/^```[\s\S]*?^```/gm, ' ').replace(/`[^`\n]*`/g, ' ')
  const words = tokenize(prose)
  const runs: string[] = []
  let current: { start: number; end: number } | undefined
  for (let i = 0; i + runWords <= words.length; i++) {
    if (!grams.has(words.slice(i, i + runWords).join(' '))) continue
    if (current && i <= current.end) current.end = i + runWords
    else {
      if (current) runs.push(words.slice(current.start, current.end).join(' '))
      current = { start: i, end: i + runWords }
    }
  }
  if (current) runs.push(words.slice(current.start, current.end).join(' '))
  return runs
}
