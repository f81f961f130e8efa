import { and, desc, eq, inArray, isNull, lte } from 'drizzle-orm'
import { type CaseStep, childClocks, type StepKind } from '@hearth/domain/case-steps'
import { CLOCK_IDS, CLOCKS, type ClockId, clockAudience, clockWarningDays } from '@hearth/domain/clocks'
import { addWorkingDays, holidaySet, type HolidaySet } from '@hearth/domain/working-days'
import type { Executor } from './client'
import {
  bankHolidays,
  allocations,
  children,
  assessments,
  type CaseStepRow,
  caseSteps,
  clockAlerts,
  type ClockDueRow,
  clockDues,
  clockLengths,
  teams as teams_,
} from './schema'

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
 * Raises the alerts due on `today`: each clock due within its warning (the clock's own, or the
 * council's) or past its due date (overdue), once per clock, due date and level. Everything
 * missed since the last run is raised now (the due dates live in the table, not in the job).
 * Returns the alerts raised, the teams to tell (those working with each family, and the front
 * door for a referral's decision) and how many are for the information governance officers.
 */
export async function raiseClockAlerts(
  ex: Executor,
  councilId: string,
  today: string,
  settings: Pick<ClockSettings, 'holidays' | 'warningDays'>,
) {
  const horizonOf = new Map<string, string>()
  const horizon = (clock: string) => {
    const days = clock in CLOCKS ? clockWarningDays(clock as ClockId, settings.warningDays) : settings.warningDays
    const key = String(days)
    if (!horizonOf.has(key)) horizonOf.set(key, addWorkingDays(today, days, settings.holidays))
    return horizonOf.get(key)!
  }
  const furthest = [...new Set([settings.warningDays, ...CLOCK_IDS.map((c) => clockWarningDays(c, 0))])]
    .map((d) => addWorkingDays(today, d, settings.holidays))
    .sort()
    .at(-1)!
  const due = (
    await ex
      .select({ key: clockDues.key, dueOn: clockDues.dueOn, familyId: clockDues.familyId, clock: clockDues.clock })
      .from(clockDues)
      .where(and(eq(clockDues.councilId, councilId), lte(clockDues.dueOn, furthest)))
  ).filter((d) => d.dueOn <= horizon(d.clock))
  const clockOf = new Map(due.map((d) => [d.key, d.clock]))
  const raised: { key: string; familyId: string; level: string; dueOn: string }[] = []
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
      ...(await ex.insert(clockAlerts).values(rows).onConflictDoNothing().returning({
        key: clockAlerts.key,
        familyId: clockAlerts.familyId,
        level: clockAlerts.level,
        dueOn: clockAlerts.dueOn,
      })),
    )
  }
  // the clocks carry the day they were last told about, for the screens to read cheaply
  // (only where the due date is still the one told about: a correction meanwhile is told again)
  const byDue = new Map<string, string[]>()
  for (const r of raised) byDue.set(r.dueOn, [...(byDue.get(r.dueOn) ?? []), r.key])
  for (const [dueOn, keys] of byDue)
    for (let i = 0; i < keys.length; i += 1000)
      await ex
        .update(clockDues)
        .set({ alertedOn: today })
        .where(
          and(
            eq(clockDues.councilId, councilId),
            eq(clockDues.dueOn, dueOn),
            inArray(clockDues.key, keys.slice(i, i + 1000)),
          ),
        )
  const audience = (key: string) => {
    const clock = clockOf.get(key)
    return clock && clock in CLOCKS ? clockAudience(clock as ClockId) : 'family_teams'
  }
  const familyIds = [...new Set(raised.filter((r) => audience(r.key) === 'family_teams').map((r) => r.familyId))]
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
  if (raised.some((r) => audience(r.key) === 'referral_team'))
    for (const t of await ex
      .select({ id: teams_.id })
      .from(teams_)
      .where(and(eq(teams_.councilId, councilId), eq(teams_.kind, 'referral'))))
      teams.add(t.id)
  return {
    raised,
    teamIds: [...teams],
    records: raised.filter((r) => audience(r.key) === 'records').length,
  }
}

export const asStep = (r: CaseStepRow): CaseStep =>
  ({ id: r.id, kind: r.kind as StepKind, on: r.onDate, endOn: r.endDate, details: r.details }) as CaseStep

/**
 * Works out again the clocks of these children from their steps and open assessments, and writes
 * them to `clock_dues` (inside the caller's transaction): what is no longer running goes, what
 * moved moves. Returns how many clocks run for them now.
 */
export async function refreshClocks(
  ex: Executor,
  councilId: string,
  childIds: readonly string[],
  settings?: ClockSettings,
): Promise<number> {
  if (!childIds.length) return 0
  const s = settings ?? (await clockSettings(ex, councilId))
  // one after the other: inside a transaction they go through one connection
  const steps = await ex
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.councilId, councilId), inArray(caseSteps.childId, [...childIds])))
  const open = await ex
    .select({ id: assessments.id, childId: assessments.childId, referralDate: assessments.referralDate })
    .from(assessments)
    .where(
      and(
        eq(assessments.councilId, councilId),
        inArray(assessments.childId, [...childIds]),
        isNull(assessments.authorisedOn),
      ),
    )
  const kids = await ex
    .select({ id: children.id, familyId: children.familyId, dateOfBirth: children.dateOfBirth })
    .from(children)
    .where(and(eq(children.councilId, councilId), inArray(children.id, [...childIds])))
  // what the sweep already told the team stays with a clock whose due date has not moved
  const told = new Map(
    (
      await ex
        .select({ key: clockDues.key, dueOn: clockDues.dueOn, alertedOn: clockDues.alertedOn })
        .from(clockDues)
        .where(and(eq(clockDues.councilId, councilId), inArray(clockDues.childId, [...childIds])))
    ).map((r) => [`${r.key}|${r.dueOn}`, r.alertedOn]),
  )
  const rows: ClockDueRow[] = []
  for (const kid of kids) {
    const due = childClocks(
      steps.filter((r) => r.childId === kid.id).map(asStep),
      open.filter((a) => a.childId === kid.id),
      s.holidays,
      s.lengths,
      { dateOfBirth: kid.dateOfBirth },
    )
    for (const d of due)
      rows.push({
        councilId,
        key: `${kid.id}:${d.key}`,
        familyId: kid.familyId,
        childId: kid.id,
        clock: d.clock,
        startOn: d.startOn,
        dueOn: d.dueOn,
        stepId: d.stepId,
        assessmentId: d.assessmentId,
        recordId: null,
        alertedOn: told.get(`${kid.id}:${d.key}|${d.dueOn}`) ?? null,
      })
  }
  await ex.delete(clockDues).where(and(eq(clockDues.councilId, councilId), inArray(clockDues.childId, [...childIds])))
  for (let i = 0; i < rows.length; i += 1000) await ex.insert(clockDues).values(rows.slice(i, i + 1000))
  return rows.length
}

/** Every child of the council with a step or an open assessment: their clocks worked out again. */
export async function refreshCouncilClocks(ex: Executor, councilId: string, given?: ClockSettings): Promise<number> {
  const settings = given ?? (await clockSettings(ex, councilId))
  const ids = new Set<string>()
  for (const r of await ex
    .selectDistinct({ id: caseSteps.childId })
    .from(caseSteps)
    .where(eq(caseSteps.councilId, councilId)))
    ids.add(r.id)
  for (const r of await ex
    .selectDistinct({ id: assessments.childId })
    .from(assessments)
    .where(and(eq(assessments.councilId, councilId), isNull(assessments.authorisedOn))))
    ids.add(r.id)
  const all = [...ids]
  let n = 0
  for (let i = 0; i < all.length; i += 500) n += await refreshClocks(ex, councilId, all.slice(i, i + 500), settings)
  return n
}
