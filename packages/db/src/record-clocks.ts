import { and, eq, inArray, isNull } from 'drizzle-orm'
import { clockDueDate, clockLateAt, RECORD_CLOCK_IDS, type RecordClockId } from '@hearth/domain/clocks'
import type { HolidaySet } from '@hearth/domain/working-days'
import { clockSettings, councilHolidays, refreshCouncilClocks } from './case-process'
import type { Executor } from './client'
import { clockDues } from './schema/case-process'
import { familyMessages } from './schema/family-voice'
import { subjectAccessRequests } from './schema/records'
import { referrals } from './schema/referrals'

/**
 * The clocks that run on a record of their own: a referral's decision, a complaint's answer, a
 * subject access request's copy. Each is a `clock_dues` row like every other clock (the sweep
 * raises its alerts; the screens read it), started when the record arrives and stopped when it
 * is answered. The record keeps its due date too, for its own screens and for the figures after
 * the clock has stopped; this file is the one place that writes both.
 */
export interface RecordClockStart {
  clock: RecordClockId
  recordId: string
  familyId: string
  startOn: string
}

/** When a record clock starting on this day falls due, and the moment it is late. */
export async function recordClockDue(
  ex: Executor,
  councilId: string,
  clock: RecordClockId,
  startOn: string,
  holidays?: HolidaySet,
) {
  const dueOn = clockDueDate(clock, startOn, holidays ?? (await councilHolidays(ex, councilId)))
  return { dueOn, lateAt: clockLateAt(dueOn) }
}

/** Starts the clock (inside the transaction that records its record). */
export async function startRecordClock(ex: Executor, councilId: string, s: RecordClockStart, dueOn: string) {
  await ex
    .insert(clockDues)
    .values({
      councilId,
      key: `${s.clock}:${s.recordId}`,
      familyId: s.familyId,
      childId: null,
      clock: s.clock,
      startOn: s.startOn,
      dueOn,
      recordId: s.recordId,
    })
    .onConflictDoNothing()
}

/** Stops it: the referral decided, the complaint answered, the copy sent. */
export async function stopRecordClock(ex: Executor, councilId: string, clock: RecordClockId, recordId: string) {
  await ex.delete(clockDues).where(and(eq(clockDues.councilId, councilId), eq(clockDues.key, `${clock}:${recordId}`)))
}

/** The record's own copy of its due date, kept in step with its clock. */
const MIRROR: Record<RecordClockId, (ex: Executor, councilId: string, id: string, dueOn: string) => Promise<unknown>> =
  {
    referral_decision: (ex, c, id, dueOn) =>
      ex
        .update(referrals)
        .set({ dueDate: dueOn, dueAt: clockLateAt(dueOn) })
        .where(and(eq(referrals.councilId, c), eq(referrals.id, id))),
    complaint_stage_1: (ex, c, id, dueOn) =>
      ex
        .update(familyMessages)
        .set({ dueAt: clockLateAt(dueOn) })
        .where(and(eq(familyMessages.councilId, c), eq(familyMessages.id, id))),
    // nothing records a review panel's request yet: its clock has no record to copy onto
    complaint_panel: async () => undefined,
    subject_access: (ex, c, id, dueOn) =>
      ex
        .update(subjectAccessRequests)
        .set({ dueOn })
        .where(and(eq(subjectAccessRequests.councilId, c), eq(subjectAccessRequests.id, id))),
  }

/**
 * Every record clock of the council worked out again from its start (the calendar or the rules
 * changed): a clock whose due date moves is moved on its record too, and told about again.
 * Returns how many moved.
 */
export async function refreshRecordClocks(ex: Executor, councilId: string, holidays?: HolidaySet): Promise<number> {
  const h = holidays ?? (await councilHolidays(ex, councilId))
  const rows = await ex
    .select({ key: clockDues.key, clock: clockDues.clock, startOn: clockDues.startOn, dueOn: clockDues.dueOn })
    .from(clockDues)
    .where(
      and(
        eq(clockDues.councilId, councilId),
        isNull(clockDues.childId),
        inArray(clockDues.clock, RECORD_CLOCK_IDS as string[]),
      ),
    )
  let moved = 0
  for (const r of rows) {
    const clock = r.clock as RecordClockId
    const dueOn = clockDueDate(clock, r.startOn, h)
    if (dueOn === r.dueOn) continue
    const [row] = await ex
      .update(clockDues)
      .set({ dueOn, alertedOn: null })
      .where(and(eq(clockDues.councilId, councilId), eq(clockDues.key, r.key)))
      .returning({ recordId: clockDues.recordId })
    if (row?.recordId) await MIRROR[clock](ex, councilId, row.recordId, dueOn)
    moved++
  }
  return moved
}

/** Every clock of the council worked out again: the children's and the records'. */
export async function refreshAllClocks(ex: Executor, councilId: string) {
  const settings = await clockSettings(ex, councilId)
  const children = await refreshCouncilClocks(ex, councilId, settings)
  const records = await refreshRecordClocks(ex, councilId, settings.holidays)
  return { children, records }
}
