import { describe, expect, it } from 'vitest'
import { JOIN_CODE_LENGTH, classTitleSchema, newJoinCode, normalizeJoinCode } from './codes'

describe('join codes', () => {
  it('are 8 unambiguous characters and survive how people type them', () => {
    const code = newJoinCode()
    expect(code).toHaveLength(JOIN_CODE_LENGTH)
    expect(code).not.toMatch(/[01IOL]/)
    expect(normalizeJoinCode(` ${code.slice(0, 4).toLowerCase()}-${code.slice(4)} `)).toBe(code)
  })

  it('rejects what cannot be a code', () => {
    expect(normalizeJoinCode('')).toBeNull()
    expect(normalizeJoinCode('ABC')).toBeNull()
    expect(normalizeJoinCode('ABCDEFG0')).toBeNull()
    expect(normalizeJoinCode('<script>')).toBeNull()
  })

  it('checks class titles', () => {
    expect(classTitleSchema.safeParse(' AWS 101 ').data).toBe('AWS 101')
    expect(classTitleSchema.safeParse('x').success).toBe(false)
  })
})
