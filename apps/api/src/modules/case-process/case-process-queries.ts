import { and, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { Executor } from '@hearth/db/client'
import { type CaseStepRow, caseStepChanges, caseSteps, clockDues } from '@hearth/db/schema/case-process'
import { children } from '@hearth/db/schema/families'
import { allocations } from '@hearth/db/schema/team-board'
import { together } from '@hearth/db/together'
import type { StepBody } from '@hearth/contracts/case-process'
import { STEP_DATES, stepProblems } from '@hearth/domain/case-steps'
import { londonDateOf } from '@hearth/domain/working-days'
import type { Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import { familyInScope, holdingTeamId } from '../families/family-queries'
import { asStep, clockViews, isChildClock, stepLabel } from './clock-queries'
import type { Caller } from '../../kernel/caller'

export type Step = z.infer<typeof StepBody>

/** Only the team holding the family records its statutory steps (or, while nobody holds it, anyone who may see it). */
export async function mustHold(deps: Deps, caller: Caller, familyId: string) {
  await familyInScope(deps.db, caller.councilId, caller.familyScope, familyId)
  const teamId = await holdingTeamId(deps.db, caller.councilId, familyId)
  if (teamId && !caller.teams.some((t) => t.id === teamId))
    throw new AppError('forbidden', 'Only the team holding this family records its statutory steps.')
}

export async function stepViews(ex: Executor, councilId: string, rows: CaseStepRow[]) {
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const [kids, fixes] = await together(
    ex,
    () =>
      ex
        .select({ id: children.id, first: children.firstName, last: children.lastName })
        .from(children)
        .where(and(eq(children.councilId, councilId), inArray(children.id, [...new Set(rows.map((r) => r.childId))]))),
    () =>
      ex
        .select({ stepId: caseStepChanges.stepId, n: count() })
        .from(caseStepChanges)
        .where(and(eq(caseStepChanges.councilId, councilId), inArray(caseStepChanges.stepId, ids)))
        .groupBy(caseStepChanges.stepId),
  )
  return rows.map((r) => {
    const k = kids.find((x) => x.id === r.childId)
    return {
      id: r.id,
      familyId: r.familyId,
      childId: r.childId,
      childName: k ? `${k.first} ${k.last}` : 'A child',
      kind: r.kind as Step['kind'],
      label: stepLabel(r.kind),
      on: r.onDate,
      endOn: r.endDate,
      details: r.details as Record<string, unknown>,
      version: r.version,
      corrections: fixes.find((f) => f.stepId === r.id)?.n ?? 0,
    }
  })
}

export async function dueOf(ex: Executor, councilId: string, where: ReturnType<typeof and>) {
  const rows = await ex
    .select()
    .from(clockDues)
    // a child's clocks: a referral's, a complaint's or a request's are on their own screens
    .where(and(eq(clockDues.councilId, councilId), isNotNull(clockDues.childId), where))
  return clockViews(ex, councilId, rows.filter(isChildClock), londonDateOf(new Date()))
}

export const toProblemStep = (id: string, s: Step) =>
  asStep({ id, kind: s.kind, onDate: s.on, endDate: s.endOn ?? null, details: s.details } as CaseStepRow)

export function refuseProblems(
  step: Step,
  id: string,
  others: CaseStepRow[],
  child: { dateOfBirth?: string | null } = {},
) {
  if (STEP_DATES[step.kind].end === null && step.endOn) throw invalid('body.endOn', 'this kind of step has no end date')
  const problems = stepProblems(toProblemStep(id, step), others.map(asStep), londonDateOf(new Date()), child)
  if (problems.length) throw new AppError('validation_failed', 'Check the highlighted answers.', problems)
}

/** The child's steps, locked, so two steps recorded at once are checked against each other. */
export async function childStepsLocked(ex: Executor, councilId: string, childId: string) {
  await ex.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`case-steps:${childId}`}, 0))`)
  return ex
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.councilId, councilId), eq(caseSteps.childId, childId)))
}

export async function heldFamilies(ex: Executor, councilId: string, by: { personId?: string; teamId?: string }) {
  const held = await ex
    .selectDistinct({ familyId: allocations.familyId })
    .from(allocations)
    .where(
      and(
        eq(allocations.councilId, councilId),
        isNull(allocations.endedAt),
        by.personId ? eq(allocations.personId, by.personId) : eq(allocations.teamId, by.teamId!),
      ),
    )
  return held.map((h) => h.familyId)
}
