import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import {
  allocations,
  assessments,
  type CaseStepRow,
  caseSteps,
  children,
  type ClockDueRow,
  clockAlerts,
  clockDues,
  clockSettings,
  type ClockSettings,
  type Db,
  type Executor,
  families,
} from '@hearth/db'
import {
  type CaseStep,
  CLOCKS,
  type ClockId,
  childClocks,
  dueState,
  londonDateOf,
  STEP_KINDS,
  type StepKind,
} from '@hearth/domain'

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
    .select({ id: children.id, familyId: children.familyId })
    .from(children)
    .where(and(eq(children.councilId, councilId), inArray(children.id, [...childIds])))
  const rows: ClockDueRow[] = []
  for (const kid of kids) {
    const due = childClocks(
      steps.filter((r) => r.childId === kid.id).map(asStep),
      open.filter((a) => a.childId === kid.id),
      s.holidays,
      s.lengths,
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
      })
  }
  await ex.delete(clockDues).where(and(eq(clockDues.councilId, councilId), inArray(clockDues.childId, [...childIds])))
  for (let i = 0; i < rows.length; i += 1000) await ex.insert(clockDues).values(rows.slice(i, i + 1000))
  return rows.length
}

/** Every child of the council with a step or an open assessment: their clocks worked out again. */
export async function refreshCouncilClocks(ex: Executor, councilId: string): Promise<number> {
  const settings = await clockSettings(ex, councilId)
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

/** Clocks as the screens show them: with the child and family by name and where each stands today. */
export async function clockViews(ex: Executor, councilId: string, rows: ClockDueRow[], today: string) {
  if (!rows.length) return []
  const { holidays, warningDays } = await clockSettings(ex, councilId)
  const [kids, fams] = await Promise.all([
    ex
      .select({ id: children.id, first: children.firstName, last: children.lastName })
      .from(children)
      .where(and(eq(children.councilId, councilId), inArray(children.id, [...new Set(rows.map((r) => r.childId))]))),
    ex
      .select({ id: families.id, name: families.name })
      .from(families)
      .where(and(eq(families.councilId, councilId), inArray(families.id, [...new Set(rows.map((r) => r.familyId))]))),
  ])
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
        startOn: r.startOn,
        dueOn: r.dueOn,
        state: dueState(r.dueOn, today, holidays, warningDays),
        stepId: r.stepId,
        assessmentId: r.assessmentId,
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
  const [settings, rows] = await Promise.all([
    cachedClockSettings(db, councilId),
    db
      .select({
        key: clockDues.key,
        clock: clockDues.clock,
        familyId: clockDues.familyId,
        familyName: families.name,
        childId: clockDues.childId,
        first: children.firstName,
        last: children.lastName,
        dueOn: clockDues.dueOn,
        alertedOn: sql<string | null>`(select max(a.raised_on)::text from ${clockAlerts} a
          where a.council_id = ${clockDues.councilId} and a.key = ${clockDues.key} and a.due_on = ${clockDues.dueOn})`,
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
  ])
  const urgent = rows
    .map((r) => ({ r, state: dueState(r.dueOn, today, settings.holidays, settings.warningDays) }))
    .filter((x) => x.state !== 'on_track')
    .map(({ r, state }) => ({
      key: r.key,
      clock: r.clock,
      familyId: r.familyId,
      familyName: r.familyName,
      childId: r.childId,
      childName: `${r.first} ${r.last}`,
      dueOn: r.dueOn,
      state,
      alertedOn: r.alertedOn,
    }))
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.childName.localeCompare(b.childName))
  return { urgent, later: rows.length - urgent.length }
}
