import { and, eq, isNull } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { contactHolds } from '@hearth/db/schema/contact'
import type { Deps } from '../../kernel/context'
import { AppError, notFound } from '../../kernel/errors'
import { assertLead } from './contact-queries'
import { getFamilyContact } from './get-family-contact'
import type { Caller } from '../../kernel/caller'

/**
 * The lead lifts a hold, with the reason: a recorded decision. Contact already held stays held
 * until the lead decides about each one (what was written may no longer be right to send).
 */
export async function endContactHold(
  deps: Deps,
  caller: Caller,
  familyId: string,
  holdId: string,
  input: { reason: string },
) {
  await deps.db.transaction(async (tx) => {
    await assertLead(tx, caller.councilId, familyId, caller.audit.actorPersonId)
    const [ended] = await tx
      .update(contactHolds)
      .set({ endedAt: new Date(), endedBy: caller.audit.actorPersonId, endReason: input.reason })
      .where(
        and(
          eq(contactHolds.councilId, caller.councilId),
          eq(contactHolds.familyId, familyId),
          eq(contactHolds.id, holdId),
          isNull(contactHolds.endedAt),
        ),
      )
      .returning()
    if (!ended) {
      const [any] = await tx
        .select({ id: contactHolds.id })
        .from(contactHolds)
        .where(
          and(
            eq(contactHolds.councilId, caller.councilId),
            eq(contactHolds.familyId, familyId),
            eq(contactHolds.id, holdId),
          ),
        )
      if (!any) throw notFound('hold')
      throw new AppError('conflict', 'This hold has already been lifted.')
    }
    await writeAudit(tx, {
      ...caller.audit,
      action: 'contact_hold.end',
      recordType: 'contact_hold',
      recordId: holdId,
      familyId,
      details: { reason: ended.reason },
    })
  })
  return getFamilyContact(deps, caller, familyId)
}
