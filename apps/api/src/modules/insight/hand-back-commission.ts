import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { commissions } from '@hearth/db/schema/insight'
import { AppError, notFound } from '../../kernel/errors'
import { views } from './commission-queries'
import type { Caller } from '../../kernel/caller'

/** The adviser cannot arrange it after all: back to the queue for another. */
export async function handBackCommission(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(commissions)
      .where(and(eq(commissions.councilId, caller.councilId), eq(commissions.id, id)))
      .for('update')
    if (!r) throw notFound('commission')
    if (r.status !== 'taken')
      throw new AppError(
        'conflict',
        r.status === 'commissioned' ? 'This service has already been commissioned.' : 'Nobody has taken this request.',
      )
    if (r.takenBy !== caller.personId)
      throw new AppError('forbidden', 'Only the adviser who took this request hands it back.')
    const [u] = await tx
      .update(commissions)
      .set({ status: 'waiting', takenBy: null, takenAt: null })
      .where(and(eq(commissions.councilId, caller.councilId), eq(commissions.id, id)))
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'commission.hand_back',
      recordType: 'commission',
      recordId: id,
      familyId: r.familyId,
    })
    return u!
  })
  return (await views(db, caller.councilId, [row]))[0]!
}
