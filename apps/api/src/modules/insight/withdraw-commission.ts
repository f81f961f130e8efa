import type { Ctx, Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { commissions, writeAudit } from '@hearth/db'
import { AppError, notFound } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { canSee } from './commission-queries'

/** The team no longer needs it: only while no adviser has taken it. */
export async function withdrawCommission(deps: Deps, ctx: Ctx, actor: Actor, id: string) {
  const { db } = deps
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(commissions)
      .where(and(eq(commissions.councilId, ctx.councilId), eq(commissions.id, id)))
      .for('update')
    if (!r || !(await canSee(tx, actor, r))) throw notFound('commission')
    if (r.status !== 'waiting')
      throw new AppError('conflict', 'An adviser has already taken this request: ask them instead.')
    await tx
      .update(commissions)
      .set({ status: 'withdrawn' })
      .where(and(eq(commissions.councilId, ctx.councilId), eq(commissions.id, id)))
    await writeAudit(tx, {
      ...ctx,
      action: 'commission.withdraw',
      recordType: 'commission',
      recordId: id,
      familyId: r.familyId,
      details: { need: r.need },
    })
  })
}
