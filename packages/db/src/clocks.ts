import { and, desc, eq, inArray, isNull, lte } from 'drizzle-orm'
import { CLOCKS, type ClockId, holidaySet, type HolidaySet } from '@hearth/domain'
import type { Executor } from './client'
import { bankHolidays } from './schema/referrals'
import { allocations } from './schema/teamwork'
import { clockAlerts, clockDues, clockLengths } from './schema/statutory'

/** The setting that holds how many working days before a due date it counts as "due soon". */
export const WARNING_SETTING = 'due_soon_warning'
export const DEFAULT_WARNING_DAYS = 2

export interface ClockSettings {
  holidays: HolidaySet
  lengths: Partial<Record<ClockId, number>>
  warningDays: number
}

/** The council's working-day calendar: England & Wales bank holidays plus the days it added. */
export async function councilHolidays(ex: Executor, councilId: string): Promise<HolidaySet> {
  const rows = await ex
    .select({ date: bankHolidays.date })
    .from(bankHolidays)
    .where(eq(bankHolidays.councilId, councilId))
  return holidaySet(rows.map((r) => r.date))
}

/** The council's calendar, its own lengths for local clocks (the latest of each) and its warning. */
export async function clockSettings(ex: Executor, councilId: string): Promise<ClockSettings> {
  // one after the other: inside a transaction both go through one connection
  const holidays = await councilHolidays(ex, councilId)
  const rows = await ex
    .selectDistinctOn([clockLengths.clock], { clock: clockLengths.clock, length: clockLengths.length })
    .from(clockLengths)
    .where(eq(clockLengths.councilId, councilId))
    .orderBy(clockLengths.clock, desc(clockLengths.createdAt), desc(clockLengths.id))
  const lengths: Partial<Record<ClockId, number>> = {}
  let warningDays = DEFAULT_WARNING_DAYS
  for (const r of rows) {
    if (r.clock === WARNING_SETTING) warningDays = r.length
    else if (r.clock in CLOCKS) lengths[r.clock as ClockId] = r.length
  }
  return { holidays, lengths, warningDays }
}

/**
 * Raises the alerts due on `today`: each clock due within the council's warning (due soon) or
 * past its due date (overdue), once per clock, due date and level. Everything missed since the
 * last run is raised now (the due dates live in the table, not in the job). Returns the alerts
 * raised, with the teams working with each family, for telling them.
 */
export async function raiseClockAlerts(ex: Executor, councilId: string, today: string, horizon: string) {
  const due = await ex
    .select({ key: clockDues.key, dueOn: clockDues.dueOn, familyId: clockDues.familyId })
    .from(clockDues)
    .where(and(eq(clockDues.councilId, councilId), lte(clockDues.dueOn, horizon)))
  const raised: { key: string; familyId: string; level: string }[] = []
  for (let i = 0; i < due.length; i += 1000) {
    const rows = due.slice(i, i + 1000).map((d) => ({
      councilId,
      key: d.key,
      dueOn: d.dueOn,
      familyId: d.familyId,
      level: today > d.dueOn ? 'overdue' : 'due_soon',
      raisedOn: today,
    }))
    raised.push(
      ...(await ex
        .insert(clockAlerts)
        .values(rows)
        .onConflictDoNothing()
        .returning({ key: clockAlerts.key, familyId: clockAlerts.familyId, level: clockAlerts.level })),
    )
  }
  const familyIds = [...new Set(raised.map((r) => r.familyId))]
  const teams = new Set<string>()
  for (let i = 0; i < familyIds.length; i += 1000) {
    const rows = await ex
      .selectDistinct({ teamId: allocations.teamId })
      .from(allocations)
      .where(
        and(
          eq(allocations.councilId, councilId),
          isNull(allocations.endedAt),
          inArray(allocations.familyId, familyIds.slice(i, i + 1000)),
        ),
      )
    for (const r of rows) teams.add(r.teamId)
  }
  return { raised, teamIds: [...teams] }
}
