import { describe, expect, it } from 'vitest'
import { safeNextPath } from './next-path'

describe('safeNextPath', () => {
  it('keeps paths on this site and drops everything else', () => {
    expect(safeNextPath('/classes/join/ABC')).toBe('/classes/join/ABC')
    expect(safeNextPath('https://evil.example')).toBe('/')
    expect(safeNextPath('//evil.example')).toBe('/')
    expect(safeNextPath('/\\evil.example')).toBe('/')
    expect(safeNextPath(undefined)).toBe('/')
    expect(safeNextPath(['/a'])).toBe('/')
  })
})
