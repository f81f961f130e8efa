import { describe, expect, it } from 'vitest'
import { sarClock, sarDueDate } from '../src/subject-access'
import { holidaySet } from '../src/working-days'

const hol = holidaySet()

describe('a subject access request’s due date (UK GDPR art. 12(3), ICO guidance)', () => {
  it('is the same date next month', () => {
    expect(sarDueDate('2026-03-17', hol)).toBe('2026-04-17')
  })
  it('counts from a weekend day it arrived on', () => {
    // Sunday 15 March → Wednesday 15 April
    expect(sarDueDate('2026-03-15', hol)).toBe('2026-04-15')
  })
  it('is the last day of a shorter month, then the next working day', () => {
    // 31 January → 28 February 2026, a Saturday → Monday 2 March
    expect(sarDueDate('2026-01-31', hol)).toBe('2026-03-02')
    // 31 March → 30 April 2026, a Thursday
    expect(sarDueDate('2026-03-31', hol)).toBe('2026-04-30')
  })
  it('moves past bank holidays', () => {
    // 25 November → Christmas Day (Friday), then Monday 28 December (Boxing Day substitute) → Tuesday 29
    expect(sarDueDate('2026-11-25', hol)).toBe('2026-12-29')
  })
  it('warns within 5 working days, and is overdue the day after', () => {
    // 25 November + 5 working days = 2 December
    expect(sarClock('2026-11-25', '2026-12-02', hol)).toBe('due_soon')
    expect(sarClock('2026-11-24', '2026-12-02', hol)).toBe('on_time')
    expect(sarClock('2026-12-02', '2026-12-02', hol)).toBe('due_soon')
    expect(sarClock('2026-12-03', '2026-12-02', hol)).toBe('overdue')
  })
})
