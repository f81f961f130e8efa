import { writeAudit } from '@hearth/db/audit'
import { holdIfContactUnsafe } from '@hearth/db/contact'
import { networkLinks } from '@hearth/db/schema/network'
import type { z } from 'zod'
import type { NetworkLinkInput } from '@hearth/contracts/network'
import type { Deps } from '../../kernel/context'
import { invalid } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import { currentMember, networkView, recordChange, syncFamilyNetwork } from './network-queries'
import type { Caller } from '../../kernel/caller'
import { checkDates, linkFacts } from './network-link-rules'

/** Links two people of the family's network: how they are related, how close, what is good, worries. */
export async function addNetworkLink(
  deps: Deps,
  caller: Caller,
  familyId: string,
  input: z.infer<typeof NetworkLinkInput>,
) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  if (input.fromId === input.toId) throw invalid('body.toId', 'choose two different people')
  checkDates(input)
  await db.transaction(async (tx) => {
    await syncFamilyNetwork(tx, caller.councilId, familyId)
    for (const [field, id] of [
      ['body.fromId', input.fromId],
      ['body.toId', input.toId],
    ] as const)
      await currentMember(tx, caller.councilId, familyId, id).catch(() => {
        throw invalid(field, 'not someone in this family’s network')
      })
    const [l] = await tx
      .insert(networkLinks)
      .values({ councilId: caller.councilId, fromId: input.fromId, toId: input.toId, ...linkFacts(input) })
      .returning()
    await recordChange(tx, caller, {
      familyId,
      kind: 'link_added',
      linkId: l!.id,
      after: linkFacts(l!),
      changedBy: caller.personId,
    })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'network.link_added',
      recordType: 'network_link',
      recordId: l!.id,
      familyId,
    })
    // not safe for a child, and living in the home: contact with the home waits for the lead
    if (l!.contactSafe === 'no') await holdIfContactUnsafe(tx, caller.audit, familyId)
  })
  return networkView(db, caller.councilId, familyId)
}
