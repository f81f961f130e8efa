import { and, eq, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { holdIfContactUnsafe } from '@hearth/db/contact'
import { networkLinks } from '@hearth/db/schema/network'
import type { z } from 'zod'
import type { NetworkLinkChange, NetworkLinkEnd } from '@hearth/contracts/network'
import type { Deps } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import { linkOfFamily, networkView, recordChange } from './network-queries'
import type { Caller } from '../../kernel/caller'
import { checkDates, linkFacts } from './network-link-rules'

/** Changes a relationship (closeness, what is good, worries …), with why; the version you saw. */
export async function changeNetworkLink(
  deps: Deps,
  caller: Caller,
  familyId: string,
  linkId: string,
  input: z.infer<typeof NetworkLinkChange>,
) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  checkDates(input)
  await db.transaction(async (tx) => {
    const l = await linkOfFamily(tx, caller.councilId, familyId, linkId, true)
    if (l.endedAt) throw new AppError('conflict', 'This relationship has ended: record a new one.')
    if (l.version !== input.version)
      throw new AppError(
        'conflict',
        'Someone changed this relationship while you were looking. Look again, then change it.',
      )
    await tx
      .update(networkLinks)
      .set({ ...linkFacts(input), version: l.version + 1, updatedAt: sql`now()` })
      .where(and(eq(networkLinks.councilId, caller.councilId), eq(networkLinks.id, linkId)))
    await recordChange(tx, caller, {
      familyId,
      kind: 'link_changed',
      linkId,
      reason: input.reason,
      before: linkFacts(l),
      after: linkFacts(input),
      changedBy: caller.personId,
    })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'network.link_changed',
      recordType: 'network_link',
      recordId: linkId,
      familyId,
    })
    if (input.contactSafe === 'no' && l.contactSafe !== 'no') await holdIfContactUnsafe(tx, caller.audit, familyId)
  })
  return networkView(db, caller.councilId, familyId)
}

/** Ends a relationship, dated, with why; it stays in the history. */
export async function endNetworkLink(
  deps: Deps,
  caller: Caller,
  familyId: string,
  linkId: string,
  input: z.infer<typeof NetworkLinkEnd>,
) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  await db.transaction(async (tx) => {
    const l = await linkOfFamily(tx, caller.councilId, familyId, linkId, true)
    if (l.endedAt) throw new AppError('conflict', 'This relationship has already ended.')
    await tx
      .update(networkLinks)
      .set({
        endedAt: sql`now()`,
        endedReason: input.reason,
        until: input.until ?? l.until,
        version: l.version + 1,
      })
      .where(and(eq(networkLinks.councilId, caller.councilId), eq(networkLinks.id, linkId)))
    await recordChange(tx, caller, {
      familyId,
      kind: 'link_ended',
      linkId,
      reason: input.reason,
      before: linkFacts(l),
      changedBy: caller.personId,
    })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'network.link_ended',
      recordType: 'network_link',
      recordId: linkId,
      familyId,
    })
  })
  return networkView(db, caller.councilId, familyId)
}
