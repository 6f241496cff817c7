import { describe, expect, it } from 'vitest'
import { getSearchDocuments } from '@/lib/search/search-documents'
import { createSearchIndex, searchLessons } from '@/lib/search/search-options'

// Questions a learner types, against the real course index: the lesson that answers it comes first.
describe('search ranking on the course', () => {
  it.each([
    ['how do I run code without servers', 'lambda'],
    ['run containers without managing servers', 'fargate'],
    ['presigned url', 's3'],
  ])('"%s" finds the %s lesson first', async (query, section) => {
    const index = await createSearchIndex(getSearchDocuments())
    expect(searchLessons(index, query)[0]?.document.section).toBe(section)
  })
})
