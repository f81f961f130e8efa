import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { holdIfContactUnsafe } from '@hearth/db/contact'
import { networkLinks, networkMembers, networkPeople } from '@hearth/db/schema/network'
import type { z } from 'zod'
import type { NetworkPersonChange } from '@hearth/contracts/network'
import type { Deps } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import { currentMember, membersOf, networkView, recordChange } from './network-queries'
import type { Caller } from '../../kernel/caller'
import { checkYears, personFacts } from './network-person-rules'

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
    const before = { ...personFacts(p), inHousehold: m.inHousehold }
    await tx
      .update(networkPeople)
      .set({ ...(personFacts(input) as object), version: p.version + 1, updatedAt: sql`now()` })
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
      after: { ...personFacts(input), inHousehold: input.inHousehold },
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
