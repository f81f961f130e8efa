import { describe, expect, it } from 'vitest'
import { ageInWords, longDate } from '../src/dates'
import { byUrgencyThenWaiting } from '../src/referrals'

describe('the order of families waiting on a board', () => {
  it('a safeguarding enquiry first, then an assessment, then early help; within each, longest waiting first', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 10, 26, h))
    const waiting = [
      { name: 'early help, waited longest', decision: 'early_help', offeredAt: at(1) },
      { name: 'assessment, newer', decision: 'assessment', offeredAt: at(5) },
      { name: 'strategy discussion, newest', decision: 'strategy_discussion', offeredAt: at(9) },
      { name: 'assessment, older', decision: 'assessment', offeredAt: at(2) },
    ]
    expect([...waiting].sort(byUrgencyThenWaiting).map((w) => w.name)).toEqual([
      'strategy discussion, newest',
      'assessment, older',
      'assessment, newer',
      'early help, waited longest',
    ])
  })
})

describe('ages and dates in words', () => {
  it('says a child’s age the way a worker would', () => {
    expect(ageInWords('2018-03-08', null, '2026-11-26')).toBe('8 years')
    expect(ageInWords('2018-11-27', null, '2026-11-26')).toBe('7 years')
    expect(ageInWords('2025-11-26', null, '2026-11-26')).toBe('1 year')
    expect(ageInWords('2026-07-30', null, '2026-11-26')).toBe('3 months')
    expect(ageInWords('2026-11-05', null, '2026-11-26')).toBe('3 weeks')
    expect(ageInWords('2026-11-24', null, '2026-11-26')).toBe('2 days')
    expect(ageInWords(null, '2027-03-01', '2026-11-26')).toBe('unborn (due 1 March 2027)')
  })
  it('writes dates as “3 December 2026”', () => {
    expect(longDate('2026-12-03')).toBe('3 December 2026')
    expect(longDate('2027-01-31T10:00:00Z')).toBe('31 January 2027')
  })
})
