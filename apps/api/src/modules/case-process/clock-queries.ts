import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { asStep, clockSettings, type ClockSettings } from '@hearth/db/case-process'
import type { Db, Executor } from '@hearth/db/client'
import { caseStepChanges, caseSteps, type ClockDueRow, clockDues } from '@hearth/db/schema/case-process'
import { children, families } from '@hearth/db/schema/families'
import { people } from '@hearth/db/schema/organisation'
import { allocations } from '@hearth/db/schema/team-board'
import { together } from '@hearth/db/together'
import { describeStep, dueState, STEP_DATES, STEP_KINDS, type StepKind } from '@hearth/domain/case-steps'
import { CLOCKS, type ClockId, NEVER_FOLDED } from '@hearth/domain/clocks'
import { londonDateOf } from '@hearth/domain/working-days'

export { asStep, refreshClocks, refreshCouncilClocks } from '@hearth/db/case-process'

export type ChildClockRow = ClockDueRow & { childId: string }
export const isChildClock = (r: ClockDueRow): r is ChildClockRow => r.childId !== null

/** Clocks as the screens show them: with the child and family by name and where each stands today. */
export async function clockViews(ex: Executor, councilId: string, rows: ChildClockRow[], today: string) {
  if (!rows.length) return []
  const { holidays, warningDays } = await clockSettings(ex, councilId)
  const familyIds = [...new Set(rows.map((r) => r.familyId))]
  const [kids, fams, leads] = await together(
    ex,
    () =>
      ex
        .select({ id: children.id, first: children.firstName, last: children.lastName })
        .from(children)
        .where(and(eq(children.councilId, councilId), inArray(children.id, [...new Set(rows.map((r) => r.childId))]))),
    () =>
      ex
        .select({ id: families.id, name: families.name })
        .from(families)
        .where(and(eq(families.councilId, councilId), inArray(families.id, familyIds))),
    () =>
      ex
        .select({ familyId: allocations.familyId, name: people.name })
        .from(allocations)
        .innerJoin(people, and(eq(people.id, allocations.personId), eq(people.councilId, allocations.councilId)))
        .where(
          and(
            eq(allocations.councilId, councilId),
            inArray(allocations.familyId, familyIds),
            eq(allocations.role, 'lead'),
            isNull(allocations.endedAt),
          ),
        ),
  )
  const leadOf = new Map(leads.map((l) => [l.familyId, l.name]))
  const kidName = new Map(kids.map((k) => [k.id, `${k.first} ${k.last}`]))
  const famName = new Map(fams.map((f) => [f.id, f.name]))
  return rows
    .map((r) => {
      const c = CLOCKS[r.clock as ClockId]
      return {
        key: r.key,
        clock: r.clock,
        label: c?.label ?? r.clock,
        source: c?.source ?? '',
        force: c?.force ?? 'local',
        familyId: r.familyId,
        familyName: famName.get(r.familyId) ?? '',
        childId: r.childId,
        childName: kidName.get(r.childId) ?? 'A child',
        leadName: leadOf.get(r.familyId) ?? null,
        startOn: r.startOn,
        dueOn: r.dueOn,
        state: dueState(r.dueOn, today, holidays, warningDays),
        stepId: r.stepId,
        assessmentId: r.assessmentId,
        alertedOn: r.alertedOn,
      }
    })
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.childName.localeCompare(b.childName))
}

export const stepLabel = (kind: string) => STEP_KINDS[kind as StepKind] ?? kind

/**
 * The council's clock settings as the board reads them, kept for a few seconds in this process (the
 * board is read far more often than a holiday or a local length changes; a change made here clears
 * it at once, one made in another process shows within the few seconds).
 */
const SETTINGS_TTL_MS = 5_000
const settingsCache = new Map<string, { at: number; value: Promise<ClockSettings> }>()
export function cachedClockSettings(db: Db, councilId: string): Promise<ClockSettings> {
  const hit = settingsCache.get(councilId)
  if (hit && Date.now() - hit.at < SETTINGS_TTL_MS) return hit.value
  const value = clockSettings(db, councilId)
  value.catch(() => settingsCache.delete(councilId))
  settingsCache.set(councilId, { at: Date.now(), value })
  return value
}
export const forgetClockSettings = (councilId: string) => settingsCache.delete(councilId)

/**
 * What is due for the team board, in one pass beside the board's own reads: the clocks of the
 * families the team works with that are overdue or due soon (with the child and family by name,
 * and the day the team was told), and how many more are running later.
 */
export async function teamDueNow(db: Db, councilId: string, teamId: string, now = new Date()) {
  const today = londonDateOf(now)
  const [settings, rows] = await together(
    db,
    () => cachedClockSettings(db, councilId),
    () =>
      db
        .select({
          key: clockDues.key,
          clock: clockDues.clock,
          familyId: clockDues.familyId,
          familyName: families.name,
          childId: children.id,
          first: children.firstName,
          last: children.lastName,
          dueOn: clockDues.dueOn,
          alertedOn: clockDues.alertedOn,
          leadName: sql<string | null>`(select lp.name from allocations la join people lp
          on lp.id = la.person_id and lp.council_id = la.council_id
          where la.council_id = ${clockDues.councilId} and la.family_id = ${clockDues.familyId}
            and la.role = 'lead' and la.ended_at is null limit 1)`,
        })
        .from(clockDues)
        .innerJoin(children, and(eq(children.id, clockDues.childId), eq(children.councilId, clockDues.councilId)))
        .innerJoin(families, and(eq(families.id, clockDues.familyId), eq(families.councilId, clockDues.councilId)))
        .where(
          and(
            eq(clockDues.councilId, councilId),
            sql`${clockDues.familyId} in (select ${allocations.familyId} from ${allocations}
            where ${allocations.councilId} = ${councilId} and ${allocations.teamId} = ${teamId}
            and ${allocations.endedAt} is null)`,
          ),
        ),
  )
  const urgent = rows
    .map((r) => ({ r, state: dueState(r.dueOn, today, settings.holidays, settings.warningDays) }))
    .filter((x) => x.state !== 'on_track' || NEVER_FOLDED.has(x.r.clock))
    .map(({ r, state }) => ({
      key: r.key,
      clock: r.clock,
      familyId: r.familyId,
      familyName: r.familyName,
      childId: r.childId,
      childName: `${r.first} ${r.last}`,
      leadName: r.leadName ?? null,
      dueOn: r.dueOn,
      state,
      alertedOn: r.alertedOn,
    }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.childName.localeCompare(b.childName))
  return { urgent, later: rows.length - urgent.length }
}

/**
 * The family's statutory steps as chronology entries: each step on its date (and its end, where it
 * has one), and each correction with why. The caller sorts.
 */
export async function stepChronology(ex: Executor, councilId: string, familyId: string) {
  const rows = await ex
    .select({ s: caseSteps, first: children.firstName, last: children.lastName, by: people.name })
    .from(caseSteps)
    .innerJoin(children, and(eq(children.id, caseSteps.childId), eq(children.councilId, caseSteps.councilId)))
    .innerJoin(people, and(eq(people.id, caseSteps.recordedBy), eq(people.councilId, caseSteps.councilId)))
    .where(and(eq(caseSteps.councilId, councilId), eq(caseSteps.familyId, familyId)))
  const fixes = rows.length
    ? await ex
        .select({ c: caseStepChanges, by: people.name })
        .from(caseStepChanges)
        .innerJoin(
          people,
          and(eq(people.id, caseStepChanges.changedBy), eq(people.councilId, caseStepChanges.councilId)),
        )
        .where(
          and(
            eq(caseStepChanges.councilId, councilId),
            inArray(
              caseStepChanges.stepId,
              rows.map((r) => r.s.id),
            ),
          ),
        )
    : []
  const link = `/families/${familyId}#case-process`
  const noon = (iso: string) => new Date(`${iso}T12:00:00Z`)
  const out = rows.flatMap(({ s, first, last, by }) => {
    const label = stepLabel(s.kind)
    const entry = {
      at: noon(s.onDate),
      title: `${label}: ${first} ${last}`,
      detail: describeStep(asStep(s)),
      byName: by,
      link,
      childIds: [s.childId],
    }
    const end = STEP_DATES[s.kind as StepKind]?.end
    return s.endDate && end
      ? [entry, { ...entry, at: noon(s.endDate), title: `${label} ended: ${first} ${last}`, detail: null }]
      : [entry]
  })
  for (const { c, by } of fixes) {
    const step = rows.find((r) => r.s.id === c.stepId)!
    out.push({
      at: c.createdAt,
      title: `Corrected: ${stepLabel(step.s.kind).toLowerCase()} for ${step.first} ${step.last}`,
      detail: `Why: ${c.reason}`,
      byName: by,
      link,
      childIds: [step.s.childId],
    })
  }
  return out
}
