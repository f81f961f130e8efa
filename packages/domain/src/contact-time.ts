import { addCalendarDays, type HolidaySet } from './working-days'

/**
 * Direct-contact time, the Blueprint's measure: the share of a practitioner's working week spent
 * with families (face to face, or on the phone or a video call), from the minutes their finalised
 * notes record. 16 % before Hearth; 25 % or more is the aim.
 */
export const CONTACT_SHARE_BEFORE = 0.16
export const CONTACT_SHARE_TARGET = 0.25

/** Minutes worked on each day, Monday first. Full time: 37 hours, 7 h 24 min a weekday. */
export const FULL_TIME_PATTERN: readonly number[] = [444, 444, 444, 444, 444, 0, 0]

/**
 * The minutes a person works in the week starting `monday` (ISO date): their pattern, less bank
 * holidays and their days of leave.
 */
export function workingMinutes(
  pattern: readonly number[],
  monday: string,
  bankHolidays: HolidaySet,
  leave: ReadonlySet<string>,
): number {
  return minutesOnDays(pattern, weekDays(monday), bankHolidays, leave)
}

/** The seven dates (ISO) of the week starting `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, d) => addCalendarDays(monday, d))
}

/** As `workingMinutes`, for a week's dates already worked out (many people, one week). */
export function minutesOnDays(
  pattern: readonly number[],
  days: readonly string[],
  bankHolidays: HolidaySet,
  leave: ReadonlySet<string>,
): number {
  let total = 0
  for (let d = 0; d < 7; d++) {
    const day = days[d]!
    if (bankHolidays.has(day) || leave.has(day)) continue
    total += pattern[d] ?? 0
  }
  return total
}

/** The share of the working week in direct contact; null (shown as a dash) when no hours were worked. */
export function contactShare(directMinutes: number, working: number): number | null {
  return working > 0 ? directMinutes / working : null
}
