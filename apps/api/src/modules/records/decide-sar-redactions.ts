import { and, eq, isNull, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { type SarRedaction, sarRedactions, subjectAccessRequests } from '@hearth/db/schema/records'
import type { Deps } from '../../kernel/context'
import { AppError, notFound } from '../../kernel/errors'
import type { Caller } from '../../kernel/caller'

/** The officer's decision on one passage, while the request is being reviewed. */
export async function decideRedaction(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { decision: 'withhold' | 'release'; why?: string | null },
) {
  return deps.db.transaction(async (tx) => {
    const [r] = await tx
      .select({ r: sarRedactions, status: subjectAccessRequests.status, familyId: subjectAccessRequests.familyId })
      .from(sarRedactions)
      .innerJoin(
        subjectAccessRequests,
        and(
          eq(subjectAccessRequests.councilId, sarRedactions.councilId),
          eq(subjectAccessRequests.id, sarRedactions.sarId),
        ),
      )
      .where(and(eq(sarRedactions.councilId, caller.councilId), eq(sarRedactions.id, id)))
      .for('update')
    if (!r) throw notFound('passage')
    if (r.status !== 'reviewing') throw new AppError('conflict', 'This request is no longer being reviewed.')
    if (r.r.fixed && input.decision === 'release')
      throw new AppError('conflict', 'A confidential address is never released.')
    await tx
      .update(sarRedactions)
      .set({
        decision: input.decision,
        why: input.why ?? null,
        decidedBy: caller.audit.actorPersonId,
        decidedAt: new Date(),
      })
      .where(and(eq(sarRedactions.councilId, caller.councilId), eq(sarRedactions.id, id)))
    await writeAudit(tx, {
      ...caller.audit,
      action: 'sar.redaction',
      recordType: 'sar_redaction',
      recordId: id,
      familyId: r.familyId,
      details: { sarId: r.r.sarId, decision: input.decision, reason: r.r.reason },
    })
    return { ok: true as const }
  })
}

/**
 * Decides every undecided passage alike at once: the same words (a name written in many notes)
 * with the same reason, or every whole field with that reason. Returns how many were decided.
 */
export async function decideAlike(
  deps: Deps,
  caller: Caller,
  sarId: string,
  input: {
    passage: string | null
    reason: SarRedaction['reason']
    decision: 'withhold' | 'release'
    why?: string | null
  },
) {
  return deps.db.transaction(async (tx) => {
    const [sar] = await tx
      .select()
      .from(subjectAccessRequests)
      .where(and(eq(subjectAccessRequests.councilId, caller.councilId), eq(subjectAccessRequests.id, sarId)))
      .for('update')
    if (!sar) throw notFound('request')
    if (sar.status !== 'reviewing') throw new AppError('conflict', 'This request is no longer being reviewed.')
    const done = await tx
      .update(sarRedactions)
      .set({
        decision: input.decision,
        why: input.why ?? null,
        decidedBy: caller.audit.actorPersonId,
        decidedAt: new Date(),
      })
      .where(
        and(
          eq(sarRedactions.councilId, caller.councilId),
          eq(sarRedactions.sarId, sarId),
          eq(sarRedactions.reason, input.reason),
          eq(sarRedactions.fixed, false),
          isNull(sarRedactions.decision),
          input.passage === null
            ? isNull(sarRedactions.passage)
            : sql`lower(${sarRedactions.passage}) = lower(${input.passage})`,
        ),
      )
      .returning({ id: sarRedactions.id })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'sar.redaction',
      recordType: 'subject_access_request',
      recordId: sarId,
      familyId: sar.familyId,
      details: { decision: input.decision, reason: input.reason, passages: done.length },
    })
    return { decided: done.length }
  })
}
