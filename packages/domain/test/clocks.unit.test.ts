import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addCalendarMonths,
  CLOCK_IDS,
  CLOCKS,
  clockAudience,
  clockDueDate,
  clockLateAt,
  clockWarningDays,
  RECORD_CLOCK_IDS,
} from '../src/clocks'
import { holidaySet, isWorkingDay } from '../src/working-days'

/**
 * One test a clock, its source in the name, each worked by hand (the working days counted in the
 * comment) across a bank holiday where the clock counts working days.
 */
const hol = holidaySet()

describe('the case process clocks (timescales.md)', () => {
  it('referral decision within 1 WD — WT2023 ch.3: Friday before the spring bank holiday → Tuesday', () => {
    expect(clockDueDate('referral_decision', '2026-05-22', hol)).toBe('2026-05-26')
  })

  it('assessment within 45 WD of the referral — WT2023 ch.3: the worked example over Christmas', () => {
    // 20 Nov 2025: Christmas Day, Boxing Day and New Year's Day are not counted
    expect(clockDueDate('assessment', '2025-11-20', hol)).toBe('2026-01-27')
  })

  it('ICPC within 15 WD of the strategy discussion — WT2023 ch.3: across Christmas 2026', () => {
    // Thu 17 Dec: 18(1) 21(2) 22(3) 23(4) 24(5), 25 and 28 bank holidays, 29(6) 30(7) 31(8),
    // 1 Jan bank holiday, 4(9) 5(10) 6(11) 7(12) 8(13) 11(14) 12(15)
    expect(clockDueDate('icpc', '2026-12-17', hol)).toBe('2027-01-12')
  })

  it('first core group within 10 WD of the ICPC — WT2023 ch.3: over Easter 2026', () => {
    // Fri 27 Mar: 30(1) 31(2) 1 Apr(3) 2(4), Good Friday 3 and Easter Monday 6, 7(5) … 14(10)
    expect(clockDueDate('first_core_group', '2026-03-27', hol)).toBe('2026-04-14')
  })

  it('first RCPC within 3 months of the ICPC — WT2023 ch.3: a month without that day ends on its last', () => {
    expect(clockDueDate('first_rcpc', '2026-11-30', hol)).toBe('2027-02-28')
    expect(clockDueDate('first_rcpc', '2026-09-15', hol)).toBe('2026-12-15')
  })

  it('later RCPCs within 6 months — WT2023 ch.3', () => {
    expect(clockDueDate('later_rcpc', '2026-08-31', hol)).toBe('2027-02-28')
    expect(clockDueDate('later_rcpc', '2027-08-31', hol)).toBe('2028-02-29') // a leap year
  })

  it('first LAC review within 20 WD of becoming looked after — CPPCR 2010 reg 33(1): across Christmas 2026', () => {
    // Mon 14 Dec: 15(1) … 24(8), 25 and 28 bank holidays, 29(9) 30(10) 31(11), 1 Jan bank holiday,
    // 4(12) 5(13) 6(14) 7(15) 8(16) 11(17) 12(18) 13(19) 14(20)
    expect(clockDueDate('first_lac_review', '2026-12-14', hol)).toBe('2027-01-14')
  })

  it('second LAC review within 3 months and later ones within 6 — CPPCR 2010 reg 33(2)', () => {
    expect(clockDueDate('second_lac_review', '2027-01-14', hol)).toBe('2027-04-14')
    expect(clockDueDate('later_lac_review', '2027-04-14', hol)).toBe('2027-10-14')
  })

  it('care plan within 10 WD of the first placement — CPPCR 2010 reg 4(2): over the summer bank holiday', () => {
    // Wed 26 Aug 2026: 27(1) 28(2), 31 Aug bank holiday, 1 Sep(3) … 9 Sep(9) 10 Sep(10)
    expect(clockDueDate('care_plan', '2026-08-26', hol)).toBe('2026-09-10')
  })

  it('a visit within 1 week of each placement — CPPCR 2010 reg 28(2): calendar days, bank holidays too', () => {
    expect(clockDueDate('first_lac_visit', '2026-12-24', hol)).toBe('2026-12-31')
  })

  it('complaint stage 1 within 10 WD — Representations Regulations 2006 reg 14; panel within 30 WD — reg 19(4)', () => {
    // Thu 30 Apr 2026: 1 May(1), early May bank holiday 4, 5(2) … 14(9) 15(10)
    expect(clockDueDate('complaint_stage_1', '2026-04-30', hol)).toBe('2026-05-15')
    // Mon 11 May 2026: 30 WD, the spring bank holiday (25 May) not counted
    expect(clockDueDate('complaint_panel', '2026-05-11', hol)).toBe('2026-06-23')
  })

  it('a subject access copy within one month — UK GDPR art. 12(3), ICO: the next working day when it falls on none', () => {
    // Sat 31 Jan 2026: February has no 31st, its last day is Saturday 28 → Monday 2 March
    expect(clockDueDate('subject_access', '2026-01-31', hol)).toBe('2026-03-02')
    // Wed 25 Nov 2026: Christmas Day, then a weekend, then the Boxing Day holiday (Mon 28) → Tue 29 Dec
    expect(clockDueDate('subject_access', '2026-11-25', hol)).toBe('2026-12-29')
    expect(clockDueDate('subject_access', '2026-03-17', hol)).toBe('2026-04-17')
  })

  it('one clock model: the clocks that run on a record of their own, with who is told and how early', () => {
    expect(RECORD_CLOCK_IDS).toEqual(['referral_decision', 'complaint_stage_1', 'complaint_panel', 'subject_access'])
    expect(clockAudience('referral_decision')).toBe('referral_team')
    expect(clockAudience('subject_access')).toBe('records')
    expect(clockAudience('complaint_stage_1')).toBe('family_teams')
    expect(clockAudience('icpc')).toBe('family_teams')
    expect(clockWarningDays('subject_access', 2)).toBe(5)
    expect(clockWarningDays('icpc', 3)).toBe(3)
    // late from the start of the day after the due date, London time (BST in June, GMT in December)
    expect(clockLateAt('2026-06-08').toISOString()).toBe('2026-06-08T23:00:00.000Z')
    expect(clockLateAt('2026-12-08').toISOString()).toBe('2026-12-09T00:00:00.000Z')
  })

  it('later core groups within 6 weeks (local), LAC visits at most every 6 weeks — CPPCR 2010 reg 28(2)', () => {
    // calendar days: Christmas is counted like any other day
    expect(clockDueDate('later_core_group', '2026-12-01', hol)).toBe('2027-01-12')
    expect(clockDueDate('lac_visit', '2026-12-01', hol)).toBe('2027-01-12')
    expect(clockDueDate('lac_visit', '2026-12-01', hol, { lac_visit: 7 })).toBe('2027-01-12')
  })

  it('LAC visits at most every 3 months after a long-term placement’s first year — CPPCR 2010 reg 28(2)', () => {
    expect(clockDueDate('lac_visit_long_term', '2026-11-30', hol)).toBe('2027-02-28')
  })

  it('pre-proceedings review within 6 weeks of the last meeting — local (CA1989 s.31ZA, PLO)', () => {
    expect(clockDueDate('pp_review', '2026-11-30', hol)).toBe('2027-01-11')
    expect(clockDueDate('pp_review', '2026-11-30', hol, { pp_review: 28 })).toBe('2026-12-28')
  })

  it('local clocks take the council’s own length; statutory ones never do', () => {
    expect(clockDueDate('cp_visit', '2026-11-02', hol)).toBe('2026-11-16') // default 10 WD
    expect(clockDueDate('cp_visit', '2026-11-02', hol, { cp_visit: 5 })).toBe('2026-11-09')
    expect(clockDueDate('icpc', '2026-11-02', hol, { icpc: 5 })).toBe(clockDueDate('icpc', '2026-11-02', hol))
    expect(CLOCKS.icpc.force).not.toBe('local')
  })

  it('properties: a working-day clock falls on a working day after its start; months never overflow', () => {
    const day = fc
      .integer({ min: 0, max: 10 * 365 })
      .map((n) => new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))
    fc.assert(
      fc.property(day, fc.constantFrom(...CLOCK_IDS), fc.integer({ min: 1, max: 24 }), (start, id, months) => {
        const due = clockDueDate(id, start, hol)
        expect(due > start).toBe(true)
        if (CLOCKS[id].unit === 'working_days') expect(isWorkingDay(due, hol)).toBe(true)
        const m = addCalendarMonths(start, months)
        expect(Number(m.slice(8, 10))).toBeLessThanOrEqual(Number(start.slice(8, 10)))
        expect(m > start).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})
