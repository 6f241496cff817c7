import { describe, expect, it } from 'vitest'
import { learnerEnvironment, newAccountId } from './credentials'

describe('learner credentials', () => {
  it('makes 12-digit account ids that are never the shared default', () => {
    for (let i = 0; i < 1000; i++) {
      const id = newAccountId()
      expect(id).toMatch(/^[1-9]\d{11}$/)
    }
  })

  it('passes only the SDK standard settings', () => {
    const env = learnerEnvironment({
      accountId: '123456789012',
      endpoint: 'http://127.0.0.1:4566',
      region: 'eu-west-1',
    })
    expect(env).toMatchObject({
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4566',
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: '123456789012',
    })
    expect(Object.keys(env).every((k) => k.startsWith('AWS_'))).toBe(true)
  })
})
