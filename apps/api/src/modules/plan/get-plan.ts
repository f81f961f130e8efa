import { and, asc, eq } from 'drizzle-orm'
import { planItems } from '@hearth/db'
import type { Ctx, Deps } from '../../kernel/context'
import type { Actor } from '../../plugins/auth'
import { familyInScope } from '../families/family-queries'
import { planItemViews, planPeople } from './plan-queries'

/** The family's plan: every item (oldest first, as it was written), with its history. */
export async function getPlan(deps: Deps, ctx: Ctx, actor: Actor, familyId: string) {
  const { db } = deps
  await familyInScope(db, actor.councilId, actor.familyScope, familyId)
  const rows = await db
    .select()
    .from(planItems)
    .where(and(eq(planItems.councilId, ctx.councilId), eq(planItems.familyId, familyId)))
    .orderBy(asc(planItems.createdAt), asc(planItems.id))
  return {
    familyId,
    items: await planItemViews(db, ctx.councilId, rows),
    people: await planPeople(db, ctx.councilId, familyId),
  }
}
