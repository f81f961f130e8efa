import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { commissions } from '@hearth/db/schema/insight'
import { AppError, notFound } from '../../kernel/errors'
import { views } from './commission-queries'
import type { Caller } from '../../kernel/caller'

/** Of advisers taking the same request at once, one gets it. */
export async function takeCommission(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(commissions)
      .where(and(eq(commissions.councilId, caller.councilId), eq(commissions.id, id)))
      .for('update')
    if (!r) throw notFound('commission')
    if (r.status !== 'waiting')
      throw new AppError(
        'conflict',
        r.status === 'withdrawn' ? 'The team withdrew this request.' : 'Someone has already taken this request.',
      )
    const [u] = await tx
      .update(commissions)
      .set({ status: 'taken', takenBy: caller.personId, takenAt: new Date() })
      .where(and(eq(commissions.councilId, caller.councilId), eq(commissions.id, id)))
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'commission.take',
      recordType: 'commission',
      recordId: id,
      familyId: r.familyId,
    })
    return u!
  })
  return (await views(db, caller.councilId, [row]))[0]!
}
