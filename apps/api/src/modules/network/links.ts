import { and, eq, sql } from 'drizzle-orm'
import { holdIfContactUnsafe, type NetworkLink, networkLinks, writeAudit } from '@hearth/db'
import type { z } from 'zod'
import type { NetworkLinkChange, NetworkLinkEnd, NetworkLinkInput } from '@hearth/contracts'
import type { Ctx, Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { familyInScope } from '../families/family-queries'
import { currentMember, linkOfFamily, networkView, recordChange, syncFamilyNetwork } from './network-queries'

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
  ctx: Ctx,
  actor: Actor,
  familyId: string,
  input: z.infer<typeof NetworkLinkInput>,
) {
  const { db } = deps
  await familyInScope(db, actor.councilId, actor.familyScope, familyId)
  if (input.fromId === input.toId) throw invalid('body.toId', 'choose two different people')
  checkDates(input)
  await db.transaction(async (tx) => {
    await syncFamilyNetwork(tx, ctx.councilId, familyId)
    for (const [field, id] of [
      ['body.fromId', input.fromId],
      ['body.toId', input.toId],
    ] as const)
      await currentMember(tx, ctx.councilId, familyId, id).catch(() => {
        throw invalid(field, 'not someone in this family’s network')
      })
    const [l] = await tx
      .insert(networkLinks)
      .values({ councilId: ctx.councilId, fromId: input.fromId, toId: input.toId, ...facts(input) })
      .returning()
    await recordChange(tx, ctx, {
      familyId,
      kind: 'link_added',
      linkId: l!.id,
      after: facts(l!),
      changedBy: actor.personId,
    })
    await writeAudit(tx, {
      ...ctx,
      action: 'network.link_added',
      recordType: 'network_link',
      recordId: l!.id,
      familyId,
    })
    // not safe for a child, and living in the home: contact with the home waits for the lead
    if (l!.contactSafe === 'no') await holdIfContactUnsafe(tx, ctx, familyId)
  })
  return networkView(db, ctx.councilId, familyId)
}

/** Changes a relationship (closeness, what is good, worries …), with why; the version you saw. */
export async function changeNetworkLink(
  deps: Deps,
  ctx: Ctx,
  actor: Actor,
  familyId: string,
  linkId: string,
  input: z.infer<typeof NetworkLinkChange>,
) {
  const { db } = deps
  await familyInScope(db, actor.councilId, actor.familyScope, familyId)
  checkDates(input)
  await db.transaction(async (tx) => {
    const l = await linkOfFamily(tx, ctx.councilId, familyId, linkId, true)
    if (l.endedAt) throw new AppError('conflict', 'This relationship has ended: record a new one.')
    if (l.version !== input.version)
      throw new AppError(
        'conflict',
        'Someone changed this relationship while you were looking. Look again, then change it.',
      )
    await tx
      .update(networkLinks)
      .set({ ...facts(input), version: l.version + 1, updatedAt: sql`now()` })
      .where(and(eq(networkLinks.councilId, ctx.councilId), eq(networkLinks.id, linkId)))
    await recordChange(tx, ctx, {
      familyId,
      kind: 'link_changed',
      linkId,
      reason: input.reason,
      before: facts(l),
      after: facts(input),
      changedBy: actor.personId,
    })
    await writeAudit(tx, {
      ...ctx,
      action: 'network.link_changed',
      recordType: 'network_link',
      recordId: linkId,
      familyId,
    })
    if (input.contactSafe === 'no' && l.contactSafe !== 'no') await holdIfContactUnsafe(tx, ctx, familyId)
  })
  return networkView(db, ctx.councilId, familyId)
}

/** Ends a relationship, dated, with why; it stays in the history. */
export async function endNetworkLink(
  deps: Deps,
  ctx: Ctx,
  actor: Actor,
  familyId: string,
  linkId: string,
  input: z.infer<typeof NetworkLinkEnd>,
) {
  const { db } = deps
  await familyInScope(db, actor.councilId, actor.familyScope, familyId)
  await db.transaction(async (tx) => {
    const l = await linkOfFamily(tx, ctx.councilId, familyId, linkId, true)
    if (l.endedAt) throw new AppError('conflict', 'This relationship has already ended.')
    await tx
      .update(networkLinks)
      .set({
        endedAt: sql`now()`,
        endedReason: input.reason,
        until: input.until ?? l.until,
        version: l.version + 1,
      })
      .where(and(eq(networkLinks.councilId, ctx.councilId), eq(networkLinks.id, linkId)))
    await recordChange(tx, ctx, {
      familyId,
      kind: 'link_ended',
      linkId,
      reason: input.reason,
      before: facts(l),
      changedBy: actor.personId,
    })
    await writeAudit(tx, {
      ...ctx,
      action: 'network.link_ended',
      recordType: 'network_link',
      recordId: linkId,
      familyId,
    })
  })
  return networkView(db, ctx.councilId, familyId)
}
