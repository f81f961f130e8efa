import { and, eq, inArray, isNull } from 'drizzle-orm'
import { type ContactHoldReason, FAMILY_CONTACT_TASKS, heldReasonText } from '@hearth/domain'
import { adminTasks } from './schema/admin-tasks'
import { type AuditEntry, writeAudit } from './audit'
import type { Executor } from './client'
import { contactHolds } from './schema/teamwork'

/** The family's open holds on contact, oldest first. */
export async function openContactHolds(ex: Executor, councilId: string, familyId: string) {
  return ex
    .select()
    .from(contactHolds)
    .where(
      and(eq(contactHolds.councilId, councilId), eq(contactHolds.familyId, familyId), isNull(contactHolds.endedAt)),
    )
    .orderBy(contactHolds.startedAt)
}

/** Places a hold unless one for the same reason is already open. Returns the new hold's id, if any. */
export async function placeContactHold(
  ex: Executor,
  h: {
    councilId: string
    familyId: string
    reason: ContactHoldReason
    note?: string | null
    referralId?: string | null
    startedBy?: string | null
  },
): Promise<string | null> {
  const open = await openContactHolds(ex, h.councilId, h.familyId)
  if (open.some((o) => o.reason === h.reason)) return null
  const [row] = await ex
    .insert(contactHolds)
    .values({
      councilId: h.councilId,
      familyId: h.familyId,
      reason: h.reason,
      note: h.note ?? null,
      referralId: h.referralId ?? null,
      startedBy: h.startedBy ?? null,
    })
    .returning({ id: contactHolds.id })
  await holdFamilyContact(ex, h.councilId, h.familyId)
  return row!.id
}

/**
 * Places a hold and writes its audit row, in the caller's transaction: how a decision that makes
 * contact unsafe (a strategy discussion at the front door or on the family page, a section 47
 * enquiry, the team's own "do not contact") holds it. Returns the new hold's id, or null when one
 * for the same reason was already open.
 */
export async function holdContact(
  ex: Executor,
  who: Pick<AuditEntry, 'councilId' | 'actorPersonId' | 'route' | 'method' | 'ip' | 'requestId'>,
  h: { familyId: string; reason: ContactHoldReason; note?: string | null; referralId?: string | null },
): Promise<string | null> {
  const id = await placeContactHold(ex, { ...h, councilId: who.councilId, startedBy: who.actorPersonId })
  if (id)
    await writeAudit(ex, {
      ...who,
      action: 'contact_hold.place',
      recordType: 'contact_hold',
      recordId: id,
      familyId: h.familyId,
    })
  return id
}

/**
 * Puts every not-yet-done task that would contact the family on hold (or refreshes why it is held),
 * from the open holds. A task an enabler had claimed is taken back: it must not go out now.
 */
export async function holdFamilyContact(ex: Executor, councilId: string, familyId: string) {
  const holds = await openContactHolds(ex, councilId, familyId)
  if (!holds.length) return
  await ex
    .update(adminTasks)
    .set({
      status: 'held',
      heldReason: heldReasonText(holds.map((o) => o.reason)),
      claimedBy: null,
      claimedAt: null,
      claimExpiresAt: null,
    })
    .where(
      and(
        eq(adminTasks.councilId, councilId),
        eq(adminTasks.familyId, familyId),
        inArray(adminTasks.taskType, [...FAMILY_CONTACT_TASKS]),
        inArray(adminTasks.status, ['open', 'claimed', 'held']),
      ),
    )
}
