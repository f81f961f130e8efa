import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { type ContactHoldReason, FAMILY_CONTACT_TASKS, heldReasonText } from '@hearth/domain/contact-holds'
import { adminTasks, children, familyLinks, networkLinks, networkMembers, networkPeople, contactHolds } from './schema'
import { type AuditEntry, writeAudit } from './audit'
import type { Executor } from './client'

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

/**
 * The people marked not safe for a child of this family (a current relationship with contact
 * "no"): whether they live in the family's household now (a letter to the home reaches them),
 * the adult or child of the family they are, if they are one (a link could be issued to them),
 * and whether they hold an open link now. One statement.
 */
export async function unsafePeople(ex: Executor, councilId: string, familyId: string) {
  const res = await ex.execute(sql`
    select distinct np.id as "personId", np.adult_id as "adultId", np.child_id as "childId",
      exists (select 1 from ${networkMembers} nm where nm.council_id = ${councilId} and nm.family_id = ${familyId}
              and nm.person_id = np.id and nm.removed_at is null and nm.in_household) as "inHousehold",
      exists (select 1 from ${familyLinks} fl where fl.council_id = ${councilId} and fl.family_id = ${familyId}
              and (fl.adult_id = np.adult_id or fl.child_id = np.child_id)
              and fl.revoked_at is null and fl.expires_at > now()) as "holdsLink"
    from ${networkLinks} nl
    join ${networkPeople} kid on kid.council_id = nl.council_id and kid.id in (nl.from_id, nl.to_id)
    join ${children} ch on ch.council_id = kid.council_id and ch.id = kid.child_id and ch.family_id = ${familyId}
    join ${networkPeople} np on np.council_id = nl.council_id and np.id in (nl.from_id, nl.to_id) and np.id <> kid.id
    where nl.council_id = ${councilId} and nl.contact_safe = 'no' and nl.ended_at is null`)
  return (
    res as unknown as {
      rows: {
        personId: string
        adultId: string | null
        childId: string | null
        inHousehold: boolean
        holdsLink: boolean
      }[]
    }
  ).rows
}

/**
 * Contact reaches someone marked not safe for a child when they live in the home (a letter to
 * it) or hold a link of the family's: then contact is held for the lead's decision, like every
 * other hold. Called wherever a relationship or a household changes (the network's links and
 * people), in that change's transaction. Returns the holds it placed.
 */
export async function holdIfContactUnsafe(
  ex: Executor,
  who: Pick<AuditEntry, 'councilId' | 'actorPersonId' | 'route' | 'method' | 'ip' | 'requestId'>,
  familyId: string,
): Promise<string[]> {
  const unsafe = await unsafePeople(ex, who.councilId, familyId)
  const placed: (string | null)[] = []
  if (unsafe.some((u) => u.inHousehold))
    placed.push(await holdContact(ex, who, { familyId, reason: 'unsafe_in_household' }))
  if (unsafe.some((u) => u.holdsLink)) placed.push(await holdContact(ex, who, { familyId, reason: 'unsafe_recipient' }))
  return placed.filter((id): id is string => !!id)
}
