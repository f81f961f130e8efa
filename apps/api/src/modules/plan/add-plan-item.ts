import { planChanges, planItems, writeAudit } from '@hearth/db'
import type { PlanItemInput } from '@hearth/contracts'
import type { Ctx, Deps } from '../../kernel/context'
import type { Actor } from '../../plugins/auth'
import { familyInScope } from '../families/family-queries'
import { checkWho, planItemViews, snapshot } from './plan-queries'

/** Adds an item to the family's plan; the history keeps who added it and when. */
export async function addPlanItem(deps: Deps, ctx: Ctx, actor: Actor, familyId: string, input: PlanItemInput) {
  const { db } = deps
  await familyInScope(db, actor.councilId, actor.familyScope, familyId)
  const who = await checkWho(db, ctx.councilId, familyId, input)
  const item = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(planItems)
      .values({
        councilId: ctx.councilId,
        familyId,
        what: input.what,
        ...who,
        byDate: input.byDate ?? null,
        createdBy: actor.personId,
      })
      .returning()
    await tx.insert(planChanges).values({
      councilId: ctx.councilId,
      familyId,
      itemId: row!.id,
      kind: 'added',
      version: 1,
      after: snapshot(row!),
      changedBy: actor.personId,
    })
    await writeAudit(tx, { ...ctx, action: 'plan.item_added', recordType: 'plan_item', recordId: row!.id, familyId })
    return row!
  })
  return (await planItemViews(db, ctx.councilId, [item]))[0]!
}
