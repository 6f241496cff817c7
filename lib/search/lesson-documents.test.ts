import { describe, expect, it } from 'vitest'
import { compileMdx } from '@/lib/content/compile'
import { getLessonFile, listLessons, tableOfContents } from '@/lib/content/lessons'
import { initialism } from './keywords'
import { lessonDocuments } from './lesson-documents'
import { inlineText } from '../content/markdown-text'

const body = `Intro with a [link](/lessons/sqs) and **bold** text.

## Retries and the DLQ

A dead-letter queue keeps failed messages.

<Callout kind="note" title="Naming">
Also called a *redrive* target.
</Callout>

\`\`\`ts cell title="Create one"
// ## not a heading
const q = 'dlq'
\`\`\`

### Overview

Nested text.

## Overview

| Setting | Value |
| ------- | ----- |
| \`maxReceiveCount\` | 5 |
`

describe('lessonDocuments', () => {
  const docs = lessonDocuments({
    section: 'sqs',
    title: 'Amazon Simple Queue Service (SQS)',
    summary: 'Queues between services.',
    keywords: ['dead-letter queue', 'redrive'],
    body,
  })

  it('makes one document for the lesson and one per ## / ### heading, with rehype-slug ids', () => {
    expect(docs.map((d) => d.url)).toEqual([
      '/lessons/sqs',
      '/lessons/sqs#retries-and-the-dlq',
      '/lessons/sqs#overview',
      '/lessons/sqs#overview-1',
    ])
    expect(docs[1]?.heading).toBe('Retries and the DLQ')
  })

  it('strips markdown and MDX but keeps code, callout titles and table cells as text', () => {
    expect(docs[0]?.text).toBe('Queues between services.\nIntro with a link and bold text.')
    const retries = docs[1]?.text ?? ''
    expect(retries).toContain('Naming')
    expect(retries).toContain('Also called a redrive target.')
    expect(retries).toContain("const q = 'dlq'")
    expect(retries).not.toMatch(/[<>*`]|Callout/)
    expect(docs[3]?.text).toBe('Setting Value\nmaxReceiveCount 5')
  })

  it('adds frontmatter keywords, their acronyms and the acronyms of the title to the lesson document', () => {
    expect(docs[0]?.keywords).toEqual(expect.arrayContaining(['dead-letter queue', 'DLQ', 'redrive', 'SQS']))
  })

  it('gives a section only the keywords it talks about, matched by name or by acronym', () => {
    expect(docs[1]?.keywords).toEqual(expect.arrayContaining(['dead-letter queue', 'DLQ', 'redrive']))
    expect(docs[2]?.keywords).toEqual([])
  })
})

describe('helpers', () => {
  it('derives initialisms the way AWS names things', () => {
    expect(initialism('dead-letter queue')).toBe('DLQ')
    expect(initialism('Identity and Access Management')).toBe('IAM')
    expect(initialism('Lambda')).toBeUndefined()
  })

  it('reduces inline markdown to its text, leaving code spans alone', () => {
    expect(inlineText('Use `snake_case_name` or _emphasis_ and [a link](/x) <Tag prop="1" />')).toBe(
      'Use snake_case_name or emphasis and a link',
    )
  })
})

describe('real lessons', () => {
  function anchorsOf(section: string) {
    const file = getLessonFile(section)
    if (!file) throw new Error(`no lesson ${section}`)
    const { title, summary, keywords } = file.frontmatter
    const anchors = lessonDocuments({ section, title, summary, keywords, body: file.body })
      .slice(1)
      .map((d) => d.url.split('#')[1] ?? '')
    return { file, anchors }
  }

  // The authority is the page itself: compile a lesson and read the h2/h3 ids rehype-slug gave it. step-functions
  // has a fence closed by "``` text", which CommonMark does not treat as a closing fence.
  it.each(['elb', 'step-functions'])('link %s sections to the ids its compiled page renders', async (section) => {
    const { file, anchors } = anchorsOf(section)
    const code = await compileMdx(file.file, file.source)
    const rendered = [...code.matchAll(/\.h[23],\{id:"([^"]+)"/g)].map((m) => m[1])
    expect(rendered.length).toBeGreaterThan(3)
    expect(anchors).toEqual(rendered)
  })

  it('only link to anchors the lesson table of contents also knows', () => {
    for (const { section } of listLessons()) {
      const { file, anchors } = anchorsOf(section)
      const toc = new Set(tableOfContents(file.body).map((entry) => entry.id))
      expect(
        anchors.filter((a) => !toc.has(a)),
        section,
      ).toEqual([])
    }
  })
})
