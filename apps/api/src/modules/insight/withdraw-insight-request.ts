import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { insightRequests } from '@hearth/db/schema/insight'
import { AppError, notFound } from '../../kernel/errors'
import { canSee } from './insight-queries'
import type { Caller } from '../../kernel/caller'

/** The team no longer needs it: only while no adviser has taken it, by a practitioner of the team it belongs to. */
export async function withdrawInsightRequest(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  return db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(insightRequests)
      .where(and(eq(insightRequests.councilId, caller.councilId), eq(insightRequests.id, id)))
      .for('update')
    if (!r || !(await canSee(tx, caller, r))) throw notFound('request')
    if (r.status !== 'waiting')
      throw new AppError('conflict', 'An adviser has already taken this request: ask them instead.')
    await tx
      .update(insightRequests)
      .set({ status: 'withdrawn' })
      .where(and(eq(insightRequests.councilId, caller.councilId), eq(insightRequests.id, id)))
    await writeAudit(tx, {
      ...caller.audit,
      action: 'insight.withdraw',
      recordType: 'insight_request',
      recordId: id,
      familyId: r.familyId,
      details: { kind: r.kind, topic: r.topic },
    })
  })
}
