import { describe, expect, it } from 'vitest'
import { platformInputSchema } from './platform-input'

const input = {
  name: 'School Moodle',
  issuer: 'https://moodle.school.example',
  clientId: 'abc',
  authLoginUrl: 'https://moodle.school.example/mod/lti/auth.php',
  tokenUrl: 'https://moodle.school.example/mod/lti/token.php',
  jwksUrl: 'https://moodle.school.example/mod/lti/certs.php',
  deploymentIds: '1, 2\n3',
}

describe('platform registration', () => {
  it('splits deployment ids on commas and whitespace', () => {
    expect(platformInputSchema.parse(input).deploymentIds).toEqual(['1', '2', '3'])
  })

  it('requires https for the LMS endpoints, except on this machine', () => {
    const plain = platformInputSchema.safeParse({ ...input, jwksUrl: 'http://moodle.school.example/certs' })
    expect(plain.success).toBe(false)
    expect(plain.error?.issues[0]?.message).toMatch(/Public keyset URL must use https/)
    expect(platformInputSchema.safeParse({ ...input, tokenUrl: 'http://127.0.0.1:8080/token' }).success).toBe(true)
    expect(platformInputSchema.safeParse({ ...input, tokenUrl: 'http://localhost/token' }).success).toBe(true)
  })

  it('asks for at least one deployment id', () => {
    const none = platformInputSchema.safeParse({ ...input, deploymentIds: ' , ' })
    expect(none.error?.issues[0]?.message).toMatch(/at least one deployment id/)
  })
})
