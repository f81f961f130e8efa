import { CLOCKS, clockDueDate } from './clocks'
import { addWorkingDays, type HolidaySet } from './working-days'

/**
 * A subject access request's due date, its clock in `CLOCKS.subject_access` (UK GDPR art. 12(3);
 * the ICO's guidance): from the day it was received to the corresponding date of the next month;
 * the last day of that month when it has no such date (31 January → 28 or 29 February); the next
 * working day when that is a weekend or bank holiday.
 */
export const sarDueDate = (receivedOn: string, holidays: HolidaySet): string =>
  clockDueDate('subject_access', receivedOn, holidays)

/** Working days before the due date when the officer is warned. */
export const SAR_WARNING_WORKING_DAYS = CLOCKS.subject_access.warningWorkingDays

export type SarClock = 'on_time' | 'due_soon' | 'overdue'

export function sarClock(today: string, dueOn: string, holidays: HolidaySet): SarClock {
  if (today > dueOn) return 'overdue'
  return addWorkingDays(today, SAR_WARNING_WORKING_DAYS, holidays) >= dueOn ? 'due_soon' : 'on_time'
}

export const REDACTION_REASONS = {
  third_party_name: 'Another person’s name',
  third_party_details: 'Another person’s details',
  other_agency: 'Information from another agency, or who referred',
  confidential_address: 'A confidential address (always withheld)',
} as const
