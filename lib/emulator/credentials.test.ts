import { describe, expect, it } from 'vitest'
import { newAccountId } from './credentials'

describe('learner credentials', () => {
  it('makes 12-digit account ids that are never the shared default', () => {
    for (let i = 0; i < 1000; i++) {
      const id = newAccountId()
      expect(id).toMatch(/^[1-9]\d{11}$/)
    }
  })
})
