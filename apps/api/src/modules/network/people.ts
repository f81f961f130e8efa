import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import { holdIfContactUnsafe, networkLinks, networkMembers, networkPeople, writeAudit } from '@hearth/db'
import type { z } from 'zod'
import type { NetworkPersonChange, NetworkPersonInput } from '@hearth/contracts'
import type { Deps } from '../../kernel/context'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import { currentMember, membersOf, networkView, recordChange, syncFamilyNetwork } from './network-queries'
import type { Caller } from '../../kernel/caller'

type PersonInput = z.infer<typeof NetworkPersonInput>
const facts = (p: Record<string, unknown>) => ({
  name: p.name,
  sex: p.sex ?? null,
  kind: p.kind,
  role: p.role ?? null,
  bornYear: p.bornYear ?? null,
  diedYear: p.diedYear ?? null,
  expected: p.expected ?? false,
})

function checkYears(input: { bornYear?: number | null; diedYear?: number | null }) {
  if (input.bornYear && input.diedYear && input.diedYear < input.bornYear)
    throw invalid('body.diedYear', 'the year they died is before the year they were born')
}

/**
 * Adds someone to the family's network: a new person, or (`personId`) someone already in the
 * network of another family the practitioner works with (siblings in different households).
 */
export async function addNetworkPerson(deps: Deps, caller: Caller, familyId: string, input: PersonInput) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  if (input.personId) {
    // they must be in a network the practitioner may see; anyone else is "not found"
    const theirs = await db
      .select({ familyId: networkMembers.familyId })
      .from(networkMembers)
      .where(and(eq(networkMembers.councilId, caller.councilId), eq(networkMembers.personId, input.personId)))
    let visible = false
    for (const t of theirs)
      visible ||= await familyInScope(db, caller.councilId, caller.familyScope, t.familyId).then(
        () => true,
        () => false,
      )
    if (!visible) throw notFound('person')
  } else {
    if (!input.name) throw invalid('body.name', 'their name is required')
    checkYears(input)
  }
  await db.transaction(async (tx) => {
    await syncFamilyNetwork(tx, caller.councilId, familyId)
    let personId: string
    if (input.personId) personId = input.personId
    else {
      const [p] = await tx
        .insert(networkPeople)
        .values({ councilId: caller.councilId, ...facts(input) } as typeof networkPeople.$inferInsert)
        .returning()
      personId = p!.id
    }
    const [m] = await tx
      .insert(networkMembers)
      .values({ councilId: caller.councilId, familyId, personId, inHousehold: input.inHousehold })
      .onConflictDoNothing()
      .returning()
    if (!m) throw new AppError('conflict', 'They are already in this family’s network.')
    await recordChange(tx, caller, {
      familyId,
      kind: 'person_added',
      personId,
      after: input.personId ? { inHousehold: input.inHousehold } : { ...facts(input), inHousehold: input.inHousehold },
      changedBy: caller.personId,
    })
    // someone already marked not safe for this family's child (in another family's network) moving in
    if (input.inHousehold) await holdIfContactUnsafe(tx, caller.audit, familyId)
    await writeAudit(tx, {
      ...caller.audit,
      action: 'network.person_added',
      recordType: 'network_person',
      recordId: personId,
      familyId,
    })
  })
  return networkView(db, caller.councilId, familyId)
}

/** Changes what is known of someone (their name, role, years, household), with why. */
export async function changeNetworkPerson(
  deps: Deps,
  caller: Caller,
  familyId: string,
  personId: string,
  input: z.infer<typeof NetworkPersonChange>,
) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  checkYears(input)
  await db.transaction(async (tx) => {
    const { m, p } = await currentMember(tx, caller.councilId, familyId, personId, true)
    if (p.version !== input.version)
      throw new AppError('conflict', 'Someone changed this person while you were looking. Look again, then change it.')
    const before = { ...facts(p), inHousehold: m.inHousehold }
    await tx
      .update(networkPeople)
      .set({ ...(facts(input) as object), version: p.version + 1, updatedAt: sql`now()` })
      .where(and(eq(networkPeople.councilId, caller.councilId), eq(networkPeople.id, personId)))
    await tx
      .update(networkMembers)
      .set({ inHousehold: input.inHousehold })
      .where(and(eq(networkMembers.councilId, caller.councilId), eq(networkMembers.id, m.id)))
    await recordChange(tx, caller, {
      familyId,
      kind: 'person_changed',
      personId,
      reason: input.reason,
      before,
      after: { ...facts(input), inHousehold: input.inHousehold },
      changedBy: caller.personId,
    })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'network.person_changed',
      recordType: 'network_person',
      recordId: personId,
      familyId,
    })
    // someone marked not safe for a child moving into the home holds contact with it
    if (input.inHousehold && !m.inHousehold) await holdIfContactUnsafe(tx, caller.audit, familyId)
  })
  return networkView(db, caller.councilId, familyId)
}

/** Someone is no longer in the family's network: their relationships here end, dated; history stays. */
export async function removeNetworkPerson(
  deps: Deps,
  caller: Caller,
  familyId: string,
  personId: string,
  input: { reason: string },
) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  await db.transaction(async (tx) => {
    const { m } = await currentMember(tx, caller.councilId, familyId, personId, true)
    await tx
      .update(networkMembers)
      .set({ removedAt: sql`now()`, removedReason: input.reason })
      .where(and(eq(networkMembers.councilId, caller.councilId), eq(networkMembers.id, m.id)))
    // their relationships with this family's people end; those in another family's network stay
    const here = (await membersOf(tx, caller.councilId, familyId))
      .filter((r) => !r.m.removedAt && r.p.id !== personId)
      .map((r) => r.p.id)
    const ended = here.length
      ? await tx
          .update(networkLinks)
          .set({ endedAt: sql`now()`, endedReason: input.reason, version: sql`${networkLinks.version} + 1` })
          .where(
            and(
              eq(networkLinks.councilId, caller.councilId),
              isNull(networkLinks.endedAt),
              or(
                and(eq(networkLinks.fromId, personId), inArray(networkLinks.toId, here)),
                and(eq(networkLinks.toId, personId), inArray(networkLinks.fromId, here)),
              ),
            ),
          )
          .returning({ id: networkLinks.id })
      : []
    await recordChange(tx, caller, {
      familyId,
      kind: 'person_removed',
      personId,
      reason: input.reason,
      after: { linksEnded: ended.length },
      changedBy: caller.personId,
    })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'network.person_removed',
      recordType: 'network_person',
      recordId: personId,
      familyId,
      details: { linksEnded: ended.length },
    })
  })
  return networkView(db, caller.councilId, familyId)
}
