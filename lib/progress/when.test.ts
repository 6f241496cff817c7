import { describe, expect, it } from 'vitest'
import { fromNow, minutesText } from './when'

const now = new Date('2026-12-04T12:00:00Z')
const later = (ms: number) => new Date(now.getTime() + ms)

describe('fromNow and minutesText', () => {
  it('says when in the largest unit that reads naturally', () => {
    expect(fromNow(later(60_000), now)).toBe('in 1 minute')
    expect(fromNow(later(0), now)).toBe('in 1 minute')
    expect(fromNow(later(3_600_000), now)).toBe('in 60 minutes')
    expect(fromNow(later(3 * 3_600_000), now)).toBe('in 3 hours')
    expect(fromNow(later(4 * 86_400_000), now)).toBe('in 4 days')
  })

  it('writes durations in minutes, then hours and minutes', () => {
    expect(minutesText(29_000)).toBe('0 min')
    expect(minutesText(25 * 60_000)).toBe('25 min')
    expect(minutesText(120 * 60_000)).toBe('2 h')
    expect(minutesText(130 * 60_000)).toBe('2 h 10 min')
  })
})
