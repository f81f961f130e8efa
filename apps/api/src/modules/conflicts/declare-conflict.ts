import { and, eq, isNull } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { staffConflicts } from '@hearth/db/schema/conflicts'
import { families } from '@hearth/db/schema/families'
import type { Deps } from '../../kernel/context'
import { AppError, notFound } from '../../kernel/errors'
import { familyKeptFromRow } from '../../kernel/family-access'
import type { Caller } from '../../kernel/caller'
import { conflictViews } from './conflict-views'

/**
 * A member of staff declares they know a family (a relative, a neighbour, a friend). From the
 * next request on, the family is out of their scope everywhere (every route reads through it).
 */
export async function declareConflict(
  deps: Deps,
  caller: Caller,
  input: { familyId?: string; reference?: string; reason: string },
) {
  const [family] = await deps.db
    .select({ id: families.id, restricted: families.restricted, restrictedTo: families.restrictedTo })
    .from(families)
    .where(
      and(
        eq(families.councilId, caller.councilId),
        input.familyId ? eq(families.id, input.familyId) : eq(families.reference, input.reference!),
      ),
    )
  // a restricted record answers as no family at all to those not named on it (its existence is kept too)
  if (!family || familyKeptFromRow({ ...caller.familyScope, excluded: [] }, family))
    throw notFound('family with that reference')
  const row = await deps.db.transaction(async (tx) => {
    const [open] = await tx
      .select()
      .from(staffConflicts)
      .where(
        and(
          eq(staffConflicts.councilId, caller.councilId),
          eq(staffConflicts.personId, caller.audit.actorPersonId!),
          eq(staffConflicts.familyId, family.id),
          isNull(staffConflicts.endedAt),
        ),
      )
    if (open) return open
    const [made] = await tx
      .insert(staffConflicts)
      .values({
        councilId: caller.councilId,
        personId: caller.audit.actorPersonId!,
        familyId: family.id,
        reason: input.reason,
      })
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'conflict.declare',
      recordType: 'staff_conflict',
      recordId: made!.id,
      familyId: family.id,
    })
    return made!
  })
  return (await conflictViews(deps, caller.councilId, [row]))[0]!
}

/** An administrator ends a declaration (it was a mistake; they no longer know the family), with why. */
export async function endConflict(deps: Deps, caller: Caller, id: string, reason: string) {
  const row = await deps.db.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(staffConflicts)
      .where(and(eq(staffConflicts.councilId, caller.councilId), eq(staffConflicts.id, id)))
      .for('update')
    if (!c) throw notFound('declaration')
    if (c.endedAt) throw new AppError('conflict', 'This declaration has already ended.')
    const [ended] = await tx
      .update(staffConflicts)
      .set({ endedAt: new Date(), endedBy: caller.audit.actorPersonId, endReason: reason })
      .where(and(eq(staffConflicts.councilId, caller.councilId), eq(staffConflicts.id, id)))
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'conflict.end',
      recordType: 'staff_conflict',
      recordId: id,
      familyId: c.familyId,
    })
    return ended!
  })
  return (await conflictViews(deps, caller.councilId, [row]))[0]!
}
