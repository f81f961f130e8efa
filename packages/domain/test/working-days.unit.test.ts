import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addWorkingDays,
  clockState,
  holidaySet,
  isWorkingDay,
  londonDateOf,
  startOfLondonDay,
  workingDayDeadline,
  workingDaysBetween,
} from '../src/working-days'

const hol = holidaySet()

describe('working days (England & Wales)', () => {
  it('matches the worked examples in timescales.md', () => {
    expect(addWorkingDays('2025-12-01', 15, hol)).toBe('2025-12-22') // strategy discussion → ICPC
    expect(addWorkingDays('2025-11-20', 45, hol)).toBe('2026-01-27') // referral → assessment
    expect(addWorkingDays('2026-03-27', 10, hol)).toBe('2026-04-14') // ICPC → first core group, over Easter
    expect(addWorkingDays('2025-12-19', 1, hol)).toBe('2025-12-22') // Friday referral → Monday
    expect(addWorkingDays('2025-12-24', 1, hol)).toBe('2025-12-29') // Christmas Eve → the Monday after
  })

  it('Friday afternoon: due at the end of Monday', () => {
    const { dueDate, dueAt } = workingDayDeadline(new Date('2026-11-20T16:45:00Z'), 1, hol)
    expect(dueDate).toBe('2026-11-23')
    expect(dueAt.toISOString()).toBe('2026-11-24T00:00:00.000Z') // GMT in November
  })

  it('bank holiday Monday: a Friday referral before it is due on Tuesday (BST end of day)', () => {
    const { dueDate, dueAt } = workingDayDeadline(new Date('2026-05-22T13:00:00Z'), 1, hol)
    expect(dueDate).toBe('2026-05-26')
    expect(dueAt.toISOString()).toBe('2026-05-26T23:00:00.000Z') // midnight BST
  })

  it('a referral at the weekend is due on the first working day after it (timescales.md §1: day 0 is the start)', () => {
    expect(addWorkingDays('2026-05-23', 1, hol)).toBe('2026-05-26') // Sat; Mon 25 is a bank holiday → Tue
    expect(addWorkingDays('2026-11-22', 1, hol)).toBe('2026-11-23') // Sun → Mon
    expect(addWorkingDays('2026-11-21', 1, hol)).toBe('2026-11-23') // Sat → Mon, not Tue
  })

  // Each worked by hand, day by day, from the calendar and the bank holidays of England and Wales.
  it('Working Together 2023, ICPC within 15 working days of a strategy discussion on Saturday 19 December 2026: Wednesday 13 January 2027', () => {
    // Mon 21 (1), 22, 23, 24 (4); Fri 25 and Mon 28 (Boxing Day's substitute) are holidays; 29, 30,
    // 31 (7); Fri 1 January is a holiday; 4, 5, 6, 7, 8 (12); 11, 12, 13 (15)
    expect(addWorkingDays('2026-12-19', 15, hol)).toBe('2027-01-13')
  })

  it('Care Planning Regulations 2010 reg 33, the first review within 20 working days of a child looked after on Christmas Day 2026: Tuesday 26 January 2027', () => {
    // Tue 29 (1), 30, 31 (3), 4 January to 8 (8), 11 to 15 (13), 18 to 22 (18), 25 (19), 26 (20)
    expect(addWorkingDays('2026-12-25', 20, hol)).toBe('2027-01-26')
  })

  it('timescales.md §1, 10 working days from Good Friday 26 March 2027 (Easter Monday 29 March): Monday 12 April 2027', () => {
    // Tue 30 (1), Wed 31, Thu 1 April, Fri 2 (4), 5 to 9 (9), Mon 12 (10)
    expect(addWorkingDays('2027-03-26', 10, hol)).toBe('2027-04-12')
  })

  it('timescales.md §1, from the August bank holiday, Monday 31 August 2026: 1 working day is Tuesday, 5 are Monday 7 September', () => {
    expect(addWorkingDays('2026-08-31', 1, hol)).toBe('2026-09-01')
    expect(addWorkingDays('2026-08-31', 5, hol)).toBe('2026-09-07') // Tue 1 (1), 2, 3, Fri 4 (4), Mon 7 (5)
  })

  it('a Sunday start: 45 working days of an assessment from Sunday 1 November 2026 end on Wednesday 6 January 2027', () => {
    // November from Mon 2 to Mon 30: 21; December 1 to 24: 18 (39); 29, 30, 31 (42); Christmas,
    // the Boxing Day substitute and New Year's Day are holidays; January: Mon 4, Tue 5, Wed 6 (45)
    expect(addWorkingDays('2026-11-01', 45, hol)).toBe('2027-01-06')
  })

  it('Christmas 2026 and 2027 use the substitute days', () => {
    expect(isWorkingDay('2026-12-28', hol)).toBe(false)
    expect(addWorkingDays('2026-12-24', 1, hol)).toBe('2026-12-29')
    expect(addWorkingDays('2027-12-24', 1, hol)).toBe('2027-12-29')
    expect(isWorkingDay('2026-12-24', hol)).toBe(true) // Christmas Eve is a working day
  })

  it('a council’s own added holiday counts', () => {
    const withExtra = holidaySet(['2026-11-23'])
    expect(addWorkingDays('2026-11-20', 1, withExtra)).toBe('2026-11-24')
  })

  it('London dates and day starts across the clock changes', () => {
    expect(londonDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01') // 00:30 BST
    expect(londonDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31')
    expect(startOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z') // GMT until 01:00
    expect(startOfLondonDay('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z')
    expect(startOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z')
    expect(startOfLondonDay('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z')
  })

  it('clock states: on track, due soon (last working day), overdue', () => {
    const { dueDate, dueAt } = workingDayDeadline(new Date('2026-11-16T10:00:00Z'), 3, hol) // Mon → Thu 19
    expect(dueDate).toBe('2026-11-19')
    expect(clockState(new Date('2026-11-16T11:00:00Z'), dueDate, dueAt, hol)).toBe('on_track')
    expect(clockState(new Date('2026-11-18T09:00:00Z'), dueDate, dueAt, hol)).toBe('due_soon')
    expect(clockState(new Date('2026-11-19T23:59:00Z'), dueDate, dueAt, hol)).toBe('due_soon') // still the due day
    expect(clockState(new Date('2026-11-20T00:00:01Z'), dueDate, dueAt, hol)).toBe('overdue')
  })

  it('properties: the due date is a working day, after the start, and later for longer clocks', () => {
    // every day from 2020 to the autumn of 2030 (the bank holidays shipped run to the end of 2030)
    const day = fc
      .integer({ min: 0, max: 11 * 365 - 120 })
      .map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 45 }), (start, n) => {
        const due = addWorkingDays(start, n, hol)
        expect(isWorkingDay(due, hol)).toBe(true)
        expect(due > start).toBe(true)
        expect(addWorkingDays(start, n + 1, hol) > due).toBe(true)
        // exactly n working days lie after day 0 up to the due date
        const day0 = isWorkingDay(start, hol) ? start : addWorkingDays(start, 0, hol)
        expect(workingDaysBetween(day0, due, hol)).toBe(n)
        // never a weekend or a bank holiday
        expect([0, 6]).not.toContain(new Date(`${due}T12:00:00Z`).getUTCDay())
        expect(hol.has(due)).toBe(false)
      }),
      { numRuns: 1000 },
    )
  })

  it('properties: a deadline ends at midnight in England, GMT or BST, across the clock changes', () => {
    const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 8, 1) }).map((ms) => new Date(ms))
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 45 }), (at, n) => {
        const { dueDate, dueAt } = workingDayDeadline(at, n, hol)
        // the last instant before the deadline is still the due date in England; the deadline is the next day
        expect(londonDateOf(new Date(dueAt.getTime() - 1))).toBe(dueDate)
        expect(londonDateOf(dueAt) > dueDate).toBe(true)
        // midnight in England is 00:00 UTC in winter and 23:00 UTC the day before in summer
        expect([0, 23]).toContain(dueAt.getUTCHours())
        expect(dueAt.getTime()).toBeGreaterThan(at.getTime())
      }),
      { numRuns: 500 },
    )
  })
})
