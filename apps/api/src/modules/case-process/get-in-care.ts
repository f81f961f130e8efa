import { and, eq } from 'drizzle-orm'
import { caseSteps, clockDues } from '@hearth/db/schema/case-process'
import { children } from '@hearth/db/schema/families'
import type { InCareView } from '@hearth/contracts/case-process'
import { inCare } from '@hearth/domain/in-care'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import { dueOf } from './case-process-queries'
import { asStep } from './clock-queries'

/** A looked-after child on one page: what is due first, then the period of care from the steps. */
export async function getInCare(deps: Deps, caller: Caller, childId: string): Promise<InCareView> {
  const [child] = await deps.db
    .select({
      id: children.id,
      familyId: children.familyId,
      first: children.firstName,
      last: children.lastName,
      dateOfBirth: children.dateOfBirth,
    })
    .from(children)
    .where(and(eq(children.councilId, caller.councilId), eq(children.id, childId)))
  if (!child) throw notFound('child')
  await familyInScope(deps.db, caller.councilId, caller.familyScope, child.familyId).catch(() => {
    throw notFound('child')
  })
  const steps = await deps.db
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.councilId, caller.councilId), eq(caseSteps.childId, childId)))
  const due = await dueOf(deps.db, caller.councilId, eq(clockDues.childId, childId))
  return {
    childId: child.id,
    childName: `${child.first} ${child.last}`,
    familyId: child.familyId,
    dateOfBirth: child.dateOfBirth,
    due,
    ...inCare(steps.map(asStep)),
  }
}
