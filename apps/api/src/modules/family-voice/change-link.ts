import { and, eq } from 'drizzle-orm'
import { type FamilyLink, familyLinks, type Tx, writeAudit } from '@hearth/db'
import { linkState } from '@hearth/domain'
import type { LinkSummary } from '@hearth/contracts'
import type { Ctx, Deps } from '../../kernel/context'
import { AppError, notFound } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { familyInScope } from '../families/family-queries'
import { leadOf } from '../contact/contact-queries'
import { assertWorksWithFamily } from './create-link'
import { linkSummaries, voiceSettings } from './voice-queries'

type Change =
  | { kind: 'revoke'; reason: string }
  | { kind: 'renew'; days?: number }
  | { kind: 'hold_decision'; reason: string }

/**
 * Stops a link at once (revoke), gives it longer (renew), or records the lead's decision that it
 * may show what is new while contact with the family is held. One transaction, row locked.
 */
export async function changeLink(
  deps: Deps,
  ctx: Ctx,
  actor: Actor,
  linkId: string,
  change: Change,
): Promise<LinkSummary> {
  const { db } = deps
  const row = await db.transaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(familyLinks)
      .where(and(eq(familyLinks.councilId, ctx.councilId), eq(familyLinks.id, linkId)))
      .for('update')
    if (!link) throw notFound('link')
    await familyInScope(tx, actor.councilId, actor.familyScope, link.familyId)
    await assertWorksWithFamily(tx, ctx, link.familyId)
    const state = linkState(link)
    let set: Partial<FamilyLink>
    if (change.kind === 'revoke') {
      if (state === 'revoked') throw new AppError('conflict', 'This link has already been stopped.')
      set = { revokedAt: new Date(), revokedBy: ctx.actorPersonId, revokeReason: change.reason }
    } else if (change.kind === 'renew') {
      if (state === 'revoked') throw new AppError('conflict', 'A stopped link cannot be renewed: issue a new one.')
      const days = change.days ?? (await voiceSettings(tx, ctx.councilId)).linkDays
      set = { expiresAt: new Date(Date.now() + days * 86_400_000), renewedAt: new Date() }
    } else {
      if ((await leadOf(tx, ctx.councilId, link.familyId)) !== ctx.actorPersonId)
        throw new AppError('forbidden', 'Only the family’s lead decides about contact with the family.')
      if (state === 'revoked') throw new AppError('conflict', 'This link has already been stopped.')
      set = { holdDecision: change.reason, holdDecisionAt: new Date(), holdDecisionBy: ctx.actorPersonId }
    }
    const [updated] = await tx
      .update(familyLinks)
      .set(set)
      .where(and(eq(familyLinks.councilId, ctx.councilId), eq(familyLinks.id, linkId)))
      .returning()
    await audit(tx, ctx, updated!, change.kind)
    return updated!
  })
  return (await linkSummaries(db, ctx.councilId, [row]))[0]!
}

async function audit(tx: Tx, ctx: Ctx, link: FamilyLink, kind: Change['kind']) {
  await writeAudit(tx, {
    ...ctx,
    action: `family_link.${kind}`,
    recordType: 'family_link',
    recordId: link.id,
    familyId: link.familyId,
    childId: link.childId,
    details: kind === 'renew' ? { expiresAt: link.expiresAt.toISOString() } : null,
  })
}
