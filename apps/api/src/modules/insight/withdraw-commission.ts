import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { commissions } from '@hearth/db/schema/insight'
import { AppError, notFound } from '../../kernel/errors'
import { canSee } from './commission-queries'
import type { Caller } from '../../kernel/caller'

/** The team no longer needs it: only while no adviser has taken it. */
export async function withdrawCommission(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(commissions)
      .where(and(eq(commissions.councilId, caller.councilId), eq(commissions.id, id)))
      .for('update')
    if (!r || !(await canSee(tx, caller, r))) throw notFound('commission')
    if (r.status !== 'waiting')
      throw new AppError('conflict', 'An adviser has already taken this request: ask them instead.')
    await tx
      .update(commissions)
      .set({ status: 'withdrawn' })
      .where(and(eq(commissions.councilId, caller.councilId), eq(commissions.id, id)))
    await writeAudit(tx, {
      ...caller.audit,
      action: 'commission.withdraw',
      recordType: 'commission',
      recordId: id,
      familyId: r.familyId,
      details: { need: r.need },
    })
  })
}
