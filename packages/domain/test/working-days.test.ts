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
} from '../src/index'

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

  it('a referral at the weekend counts from the next working day', () => {
    expect(addWorkingDays('2026-05-23', 1, hol)).toBe('2026-05-27') // Sat → day 0 Tue 26 (after the bank holiday) → Wed
    expect(addWorkingDays('2026-11-22', 1, hol)).toBe('2026-11-24') // Sun → day 0 Mon → Tue
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
