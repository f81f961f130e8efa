import { writeAudit } from '@hearth/db/audit'
import { planChanges, planItems } from '@hearth/db/schema/plan'
import type { PlanItemInput } from '@hearth/contracts/plan'
import type { Deps } from '../../kernel/context'
import { familyInScope } from '../families/family-queries'
import { checkWho, planItemViews, snapshot } from './plan-queries'
import type { Caller } from '../../kernel/caller'

/** Adds an item to the family's plan; the history keeps who added it and when. */
export async function addPlanItem(deps: Deps, caller: Caller, familyId: string, input: PlanItemInput) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const who = await checkWho(db, caller.councilId, familyId, input)
  const item = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(planItems)
      .values({
        councilId: caller.councilId,
        familyId,
        what: input.what,
        ...who,
        byDate: input.byDate ?? null,
        createdBy: caller.personId,
      })
      .returning()
    await tx.insert(planChanges).values({
      councilId: caller.councilId,
      familyId,
      itemId: row!.id,
      kind: 'added',
      version: 1,
      after: snapshot(row!),
      changedBy: caller.personId,
    })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'plan.item_added',
      recordType: 'plan_item',
      recordId: row!.id,
      familyId,
    })
    return row!
  })
  return (await planItemViews(db, caller.councilId, [item]))[0]!
}
