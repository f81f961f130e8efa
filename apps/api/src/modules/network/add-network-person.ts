import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { holdIfContactUnsafe } from '@hearth/db/contact'
import { networkMembers, networkPeople } from '@hearth/db/schema/network'
import type { Deps } from '../../kernel/context'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import { networkView, recordChange, syncFamilyNetwork } from './network-queries'
import type { Caller } from '../../kernel/caller'
import { type PersonInput, checkYears, personFacts } from './network-person-rules'

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
        .values({ councilId: caller.councilId, ...personFacts(input) } as typeof networkPeople.$inferInsert)
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
      after: input.personId
        ? { inHousehold: input.inHousehold }
        : { ...personFacts(input), inHousehold: input.inHousehold },
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
