/**
 * England & Wales working days (timescales.md §1): not a Saturday, Sunday or bank holiday.
 * Council closure days (Christmas Eve…) are still working days. Dates are ISO strings (YYYY-MM-DD)
 * and "today" is the date in Europe/London.
 */

import { ENGLAND_AND_WALES_BANK_HOLIDAYS } from './bank-holidays'

export type HolidaySet = ReadonlySet<string>

export function holidaySet(extra: readonly string[] = []): HolidaySet {
  return new Set([...ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date), ...extra])
}

function toUtcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`)
}
function fromUtcDate(d: Date): string {
  return d.toISOString().slice(0, 10)
}
export function addCalendarDays(iso: string, days: number): string {
  const d = toUtcDate(iso)
  d.setUTCDate(d.getUTCDate() + days)
  return fromUtcDate(d)
}

export function isWorkingDay(iso: string, holidays: HolidaySet): boolean {
  const dow = toUtcDate(iso).getUTCDay()
  return dow !== 0 && dow !== 6 && !holidays.has(iso)
}

export function nextWorkingDay(iso: string, holidays: HolidaySet): string {
  let d = addCalendarDays(iso, 1)
  while (!isWorkingDay(d, holidays)) d = addCalendarDays(d, 1)
  return d
}

/**
 * The due date of an N-working-day clock (timescales.md §1): the start event's date is day 0,
 * whatever day it is, and the deadline is the end of the Nth working day after it. A start on a
 * Saturday, a Sunday or a bank holiday is not moved first: working day 1 is the first working day
 * after the start ("within N working days of", Working Together 2023; a working day as in the
 * Care Planning, Placement and Case Review (England) Regulations 2010, reg 2).
 */
export function addWorkingDays(startIso: string, n: number, holidays: HolidaySet): string {
  let d = startIso
  for (let i = 0; i < n; i++) d = nextWorkingDay(d, holidays)
  return d
}

/** Working days strictly after `fromIso` up to and including `toIso` (0 when to <= from). */
export function workingDaysBetween(fromIso: string, toIso: string, holidays: HolidaySet): number {
  let n = 0
  for (let d = fromIso; d < toIso; ) {
    d = addCalendarDays(d, 1)
    if (isWorkingDay(d, holidays)) n++
  }
  return n
}

const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})
const londonOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })

/** The calendar date in England of an instant. */
export function londonDateOf(at: Date): string {
  return londonDate.format(at)
}

/** The instant a London calendar day starts (handles GMT/BST). */
export function startOfLondonDay(iso: string): Date {
  const utcMidnight = toUtcDate(iso)
  // Offset in force at that moment (GMT or GMT+1); check again after shifting, for the change-over days.
  const offsetAt = (d: Date) => {
    const name = londonOffset.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
    const m = /GMT([+-]\d+)?/.exec(name)
    return m?.[1] ? Number(m[1]) * 3600_000 : 0
  }
  let guess = new Date(utcMidnight.getTime() - offsetAt(utcMidnight))
  guess = new Date(utcMidnight.getTime() - offsetAt(guess))
  return guess
}

/** When an N-working-day clock that started at `at` runs out: the end of its due date in England. */
export function workingDayDeadline(at: Date, n: number, holidays: HolidaySet): { dueDate: string; dueAt: Date } {
  const dueDate = addWorkingDays(londonDateOf(at), n, holidays)
  return { dueDate, dueAt: startOfLondonDay(addCalendarDays(dueDate, 1)) }
}

export type ClockState = 'on_track' | 'due_soon' | 'overdue'

/**
 * Where a clock stands. "Due soon" starts one working day before the due date (the D2I / DfE
 * counting treats the start day as day 1, so their deadline is a day earlier than ours).
 */
export function clockState(now: Date, dueDate: string, dueAt: Date, holidays: HolidaySet): ClockState {
  if (now.getTime() >= dueAt.getTime()) return 'overdue'
  const today = londonDateOf(now)
  return workingDaysBetween(today, dueDate, holidays) <= 1 ? 'due_soon' : 'on_track'
}
