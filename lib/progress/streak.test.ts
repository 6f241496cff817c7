import { describe, expect, it } from 'vitest'
import { streakDays } from './streak'

const now = new Date('2026-12-04T12:00:00Z')
const d = (iso: string) => new Date(iso)

describe('streakDays', () => {
  it('counts consecutive active days up to today or yesterday', () => {
    expect(streakDays([d('2026-12-04T08:00:00Z'), d('2026-12-03T23:00:00Z'), d('2026-12-02T01:00:00Z')], now)).toBe(3)
    expect(streakDays([d('2026-12-03T08:00:00Z'), d('2026-12-02T08:00:00Z')], now)).toBe(2)
    expect(streakDays([d('2026-12-04T08:00:00Z'), d('2026-12-02T08:00:00Z')], now)).toBe(1)
    expect(streakDays([d('2026-12-01T08:00:00Z')], now)).toBe(0)
    expect(streakDays([], now)).toBe(0)
  })
})
