import { and, asc, eq } from 'drizzle-orm'
import { planItems } from '@hearth/db/schema/plan'
import type { Deps } from '../../kernel/context'
import { familyInScope } from '../families/family-queries'
import { planItemViews, planPeople } from './plan-queries'
import type { Caller } from '../../kernel/caller'

/** The family's plan: every item (oldest first, as it was written), with its history. */
export async function getPlan(deps: Deps, caller: Caller, familyId: string) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const rows = await db
    .select()
    .from(planItems)
    .where(and(eq(planItems.councilId, caller.councilId), eq(planItems.familyId, familyId)))
    .orderBy(asc(planItems.createdAt), asc(planItems.id))
  return {
    familyId,
    items: await planItemViews(db, caller.councilId, rows),
    people: await planPeople(db, caller.councilId, familyId),
  }
}
