import { describe, expect, it } from 'vitest'
import {
  createSearchIndex,
  highlight,
  isSearchDocumentList,
  searchLessons,
  snippet,
  type SearchDocument,
} from './search-options'

function doc(partial: Partial<SearchDocument> & Pick<SearchDocument, 'url' | 'section' | 'title'>): SearchDocument {
  return { heading: '', text: '', keywords: [], ...partial }
}

const docs: SearchDocument[] = [
  doc({
    url: '/lessons/elb#application-load-balancer-alb-layer-7',
    section: 'elb',
    title: 'Elastic Load Balancing',
    heading: 'Application Load Balancer (ALB) — Layer 7',
    text: 'The ALB reads the HTTP request and routes on its path, host and headers.',
    keywords: ['ALB', 'Layer 7', 'content-based routing'],
  }),
  doc({
    url: '/lessons/elb#network-load-balancer-nlb-layer-4',
    section: 'elb',
    title: 'Elastic Load Balancing',
    heading: 'Network Load Balancer (NLB) — Layer 4',
    text: 'The NLB forwards TCP and UDP connections at layer 4 and gives you static IPs; it never reads the request.',
    keywords: ['NLB', 'Layer 4'],
  }),
  doc({
    url: '/lessons/lambda#packaging-and-layers',
    section: 'lambda',
    title: 'AWS Lambda',
    heading: 'Packaging and layers',
    text: 'A layer is a ZIP archive of shared libraries; a function can use up to 5 layers and 7 environment tricks.',
    keywords: ['Lambda layer'],
  }),
  doc({
    url: '/lessons/sqs#dead-letter-queues',
    section: 'sqs',
    title: 'Amazon SQS',
    heading: 'Dead-letter queues and redrive',
    text: 'After maxReceiveCount failed receives, SQS moves the message to the other queue named in the redrive policy.',
    keywords: ['dead-letter queue', 'DLQ', 'redrive'],
  }),
  doc({
    url: '/lessons/sns',
    section: 'sns',
    title: 'Amazon SNS',
    text: 'Topics fan a message out to many subscribers: queues, functions, HTTP endpoints and email.',
    keywords: ['SNS', 'fan-out'],
  }),
]

describe('searchLessons', () => {
  it('ranks the Layer 7 load balancer first for "layer 7"', async () => {
    const index = await createSearchIndex(docs)
    const hits = searchLessons(index, 'layer 7')
    expect(hits[0]?.document.url).toBe('/lessons/elb#application-load-balancer-alb-layer-7')
    expect(hits[0]?.terms).toEqual(expect.arrayContaining(['layer', '7']))
  })

  it('finds an acronym that only the keywords contain', async () => {
    const index = await createSearchIndex(docs)
    const hits = searchLessons(index, 'DLQ')
    expect(hits.map((h) => h.document.url)).toEqual(['/lessons/sqs#dead-letter-queues'])
    expect(hits[0]?.document.text).not.toMatch(/DLQ/)
  })

  it('ignores question words and matches the word still being typed as a prefix', async () => {
    const index = await createSearchIndex(docs)
    expect(searchLessons(index, 'what is a DLQ')[0]?.document.section).toBe('sqs')
    expect(searchLessons(index, 'redri')[0]?.document.section).toBe('sqs')
  })

  it('does not confuse three-letter service names that are one letter apart', async () => {
    const index = await createSearchIndex(docs)
    const hits = searchLessons(index, 'SNS')
    expect(hits.map((h) => h.document.section)).toEqual(['sns'])
  })

  it('tolerates a typo in a longer word', async () => {
    const index = await createSearchIndex(docs)
    expect(searchLessons(index, 'redrve')[0]?.document.section).toBe('sqs')
  })

  it('returns nothing for an empty query and caps the sections shown per lesson', async () => {
    const index = await createSearchIndex(docs)
    expect(searchLessons(index, '   ')).toEqual([])
    expect(searchLessons(index, 'load balancer', { perLesson: 1 })).toHaveLength(1)
  })
})

describe('highlight', () => {
  it('marks whole matched words, case-insensitively, and keeps all the text', () => {
    const text = 'Layer 7 is the application layer; layered cakes are not.'
    const segments = highlight(text, ['layer', '7'])
    expect(segments.map((s) => s.text).join('')).toBe(text)
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['Layer', '7', 'layer'])
  })

  it('returns one plain segment when nothing matches', () => {
    expect(highlight('No match here', ['dlq'])).toEqual([{ text: 'No match here', match: false }])
  })
})

describe('snippet', () => {
  const long = `${'Intro words that do not matter. '.repeat(10)}The ALB works at Layer 7 and reads the request. ${'More filler text follows here. '.repeat(10)}`

  it('cuts a window around the matched words, with ellipses', () => {
    const cut = snippet(long, ['layer', '7'], 80)
    expect(cut).toContain('Layer 7')
    expect(cut.startsWith('…')).toBe(true)
    expect(cut.endsWith('…')).toBe(true)
    expect(cut.length).toBeLessThanOrEqual(82)
  })

  it('keeps short text whole and starts long unmatched text at the beginning', () => {
    expect(snippet('Short text.', ['x'])).toBe('Short text.')
    expect(snippet(long, ['nothing'], 40).startsWith('Intro words')).toBe(true)
  })
})

describe('isSearchDocumentList', () => {
  it('accepts documents and rejects anything else', () => {
    expect(isSearchDocumentList(docs)).toBe(true)
    expect(isSearchDocumentList([{ url: '/lessons/x' }])).toBe(false)
    expect(isSearchDocumentList({ documents: docs })).toBe(false)
  })
})
