import { and, eq, sql } from 'drizzle-orm'
import { holdIfContactUnsafe, type NetworkLink, networkLinks, writeAudit } from '@hearth/db'
import type { z } from 'zod'
import type { NetworkLinkChange, NetworkLinkEnd, NetworkLinkInput } from '@hearth/contracts'
import type { Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import { currentMember, linkOfFamily, networkView, recordChange, syncFamilyNetwork } from './network-queries'
import type { Caller } from '../../kernel/caller'

type LinkFields = Omit<z.infer<typeof NetworkLinkInput>, 'fromId' | 'toId'>
const facts = (l: LinkFields | NetworkLink) => ({
  kind: l.kind,
  partnership: l.kind === 'partner_of' ? (l.partnership ?? null) : null,
  closeness: l.closeness,
  support: l.support,
  good: l.good ?? null,
  worries: l.worries ?? null,
  contactSafe: l.contactSafe,
  since: l.since ?? null,
  until: l.until ?? null,
})

function checkDates(input: { since?: string | null; until?: string | null }) {
  if (input.since && input.until && input.until < input.since)
    throw invalid('body.until', 'the end is before the start')
}

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
      .values({ councilId: caller.councilId, fromId: input.fromId, toId: input.toId, ...facts(input) })
      .returning()
    await recordChange(tx, caller, {
      familyId,
      kind: 'link_added',
      linkId: l!.id,
      after: facts(l!),
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
      .set({ ...facts(input), version: l.version + 1, updatedAt: sql`now()` })
      .where(and(eq(networkLinks.councilId, caller.councilId), eq(networkLinks.id, linkId)))
    await recordChange(tx, caller, {
      familyId,
      kind: 'link_changed',
      linkId,
      reason: input.reason,
      before: facts(l),
      after: facts(input),
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
      before: facts(l),
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
