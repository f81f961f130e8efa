import { and, eq, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import type { Tx } from '@hearth/db/client'
import { type PlanItem, planChanges, planItems } from '@hearth/db/schema/plan'
import type { PlanItemChange, PlanStatusInput } from '@hearth/contracts/plan'
import { changedFields, type PlanChangeKind, statusChange } from '@hearth/domain/plan'
import type { Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import { checkWho, planItemFor, planItemViews, snapshot } from './plan-queries'
import type { Caller } from '../../kernel/caller'

/** Someone else changed the item since it was read: say so rather than overwrite their change. */
function checkVersion(item: PlanItem, version: number) {
  if (item.version !== version)
    throw new AppError(
      'conflict',
      'Someone changed this item while you were looking at it. Look at it as it is now, then change it again.',
    )
}

async function record(
  tx: Tx,
  caller: Caller,
  item: PlanItem,
  next: Pick<PlanItem, 'what' | 'whoKind' | 'whoId' | 'whoName' | 'byDate' | 'status'>,
  kind: PlanChangeKind,
  reason: string | null,
) {
  const [row] = await tx
    .update(planItems)
    .set({ ...next, version: item.version + 1, updatedAt: sql`now()` })
    .where(and(eq(planItems.councilId, caller.councilId), eq(planItems.id, item.id)))
    .returning()
  await tx.insert(planChanges).values({
    councilId: caller.councilId,
    familyId: item.familyId,
    itemId: item.id,
    kind,
    reason,
    version: row!.version,
    before: snapshot(item),
    after: snapshot(row!),
    changedBy: caller.personId,
  })
  await writeAudit(tx, {
    ...caller.audit,
    action: `plan.item_${kind}`,
    recordType: 'plan_item',
    recordId: item.id,
    familyId: item.familyId,
    details: { version: row!.version },
  })
  return row!
}

/** Changes what an item says, who does it or by when, with why. Its history keeps the old words. */
export async function changePlanItem(deps: Deps, caller: Caller, itemId: string, input: PlanItemChange) {
  const { db } = deps
  const current = await planItemFor(db, caller, itemId)
  const who = await checkWho(db, caller.councilId, current.familyId, input)
  const row = await db.transaction(async (tx) => {
    const item = await planItemFor(tx, caller, itemId, true)
    checkVersion(item, input.version)
    const next = { ...snapshot(item), what: input.what, ...who, byDate: input.byDate ?? null }
    if (!changedFields(snapshot(item), next).length)
      throw invalid('body.what', 'nothing is different: change what, who or by when')
    return record(tx, caller, item, next, 'changed', input.reason)
  })
  return (await planItemViews(db, caller.councilId, [row]))[0]!
}

/** Marks an item done, not done (why) or to do again (why). */
export async function setPlanItemStatus(deps: Deps, caller: Caller, itemId: string, input: PlanStatusInput) {
  const { db } = deps
  await planItemFor(db, caller, itemId)
  const row = await db.transaction(async (tx) => {
    const item = await planItemFor(tx, caller, itemId, true)
    checkVersion(item, input.version)
    const change = statusChange(item.status, input.status, input.reason ?? null)
    if (!('kind' in change)) throw invalid(change.field, change.message)
    return record(tx, caller, item, { ...snapshot(item), status: input.status }, change.kind, input.reason ?? null)
  })
  return (await planItemViews(db, caller.councilId, [row]))[0]!
}
