import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { families } from '@hearth/db/schema/families'
import { visits } from '@hearth/db/schema/visits'
import { AppError } from '../../kernel/errors'
import { loadVisit, view } from './visit-queries'
import type { Caller } from '../../kernel/caller'

export async function cancelVisit(deps: Deps, caller: Caller, visitId: string, reason: string) {
  const { db } = deps
  const v = await loadVisit(db, caller, visitId)
  const [row] = await db.transaction(async (tx) => {
    const r = await tx
      .update(visits)
      .set({ status: 'cancelled', lastChangeReason: reason })
      .where(and(eq(visits.councilId, caller.councilId), eq(visits.id, visitId), eq(visits.status, 'booked')))
      .returning()
    if (!r.length) throw new AppError('conflict', 'This visit is already cancelled.')
    await writeAudit(tx, {
      ...caller.audit,
      action: 'visit.cancel',
      recordType: 'visit',
      recordId: visitId,
      familyId: v.familyId,
    })
    return r
  })
  const [f] = await db
    .select({ name: families.name })
    .from(families)
    .where(and(eq(families.councilId, v.councilId), eq(families.id, v.familyId)))
  return (await view(db, [{ ...row!, familyName: f!.name }], caller.councilId))[0]!
}
