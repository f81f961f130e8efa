import { and, asc, desc, eq } from 'drizzle-orm'
import { caseStepChanges, caseSteps, clockDues } from '@hearth/db/schema/case-process'
import { people } from '@hearth/db/schema/organisation'
import type { Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'
import { dueOf, stepViews } from './case-process-queries'

/** The family's statutory steps, oldest first, and every clock running for its children. */
export async function familyCaseProcess(deps: Deps, caller: Caller, familyId: string) {
  await familyInScope(deps.db, caller.councilId, caller.familyScope, familyId)
  const rows = await deps.db
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.councilId, caller.councilId), eq(caseSteps.familyId, familyId)))
    .orderBy(asc(caseSteps.onDate), asc(caseSteps.createdAt))
  return {
    steps: await stepViews(deps.db, caller.councilId, rows),
    clocks: await dueOf(deps.db, caller.councilId, eq(clockDues.familyId, familyId)),
  }
}

/** A step with its corrections, newest first (who, when, why, before and after). */
export async function getStep(deps: Deps, caller: Caller, id: string) {
  const [row] = await deps.db
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.councilId, caller.councilId), eq(caseSteps.id, id)))
  if (!row) throw notFound('step')
  await familyInScope(deps.db, caller.councilId, caller.familyScope, row.familyId).catch(() => {
    throw notFound('step')
  })
  const changes = await deps.db
    .select({
      reason: caseStepChanges.reason,
      before: caseStepChanges.before,
      after: caseStepChanges.after,
      at: caseStepChanges.createdAt,
      by: people.name,
    })
    .from(caseStepChanges)
    .innerJoin(people, and(eq(people.id, caseStepChanges.changedBy), eq(people.councilId, caseStepChanges.councilId)))
    .where(and(eq(caseStepChanges.councilId, caller.councilId), eq(caseStepChanges.stepId, id)))
    .orderBy(desc(caseStepChanges.createdAt))
  const [view] = await stepViews(deps.db, caller.councilId, [row])
  return {
    ...view!,
    changes: changes.map((c) => ({
      reason: c.reason,
      by: c.by,
      at: c.at.toISOString(),
      before: c.before as Record<string, unknown>,
      after: c.after as Record<string, unknown>,
    })),
  }
}
