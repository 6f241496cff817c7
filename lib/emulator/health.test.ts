import { describe, expect, it } from 'vitest'
import { detectBackend } from './health'

describe('detectBackend', () => {
  it('recognises LocalStack by its response header', () => {
    expect(detectBackend(new Headers({ 'x-localstack': 'true' }), { services: {}, version: '4.13.1' })).toBe(
      'LocalStack',
    )
  })
  it('recognises MiniStack by its edition', () => {
    expect(detectBackend(new Headers(), { services: {}, edition: 'light', version: '1.5.33' })).toBe('MiniStack')
  })
  it('names anything else by what it promises', () => {
    expect(detectBackend(new Headers(), { services: {} })).toBe('LocalStack-compatible emulator')
  })
})
