import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import type { Tx } from '@hearth/db/client'
import { type FamilyLink, familyLinks } from '@hearth/db/schema/family-voice'
import { linkState } from '@hearth/domain/family-voice'
import type { LinkSummary } from '@hearth/contracts/family-voice'
import type { Deps } from '../../kernel/context'
import { AppError, notFound } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import { leadOf } from '../contact/contact-queries'
import { assertWorksWithFamily } from './create-link'
import { linkSummaries, voiceSettings } from './voice-queries'
import type { Caller } from '../../kernel/caller'

type Change =
  | { kind: 'revoke'; reason: string }
  | { kind: 'renew'; days?: number }
  | { kind: 'hold_decision'; reason: string }

/**
 * Stops a link at once (revoke), gives it longer (renew), or records the lead's decision that it
 * may show what is new while contact with the family is held. One transaction, row locked.
 */
export async function changeLink(deps: Deps, caller: Caller, linkId: string, change: Change): Promise<LinkSummary> {
  const { db } = deps
  const row = await db.transaction(async (tx) => {
    const [link] = await tx
      .select()
      .from(familyLinks)
      .where(and(eq(familyLinks.councilId, caller.councilId), eq(familyLinks.id, linkId)))
      .for('update')
    if (!link) throw notFound('link')
    await familyInScope(tx, caller.councilId, caller.familyScope, link.familyId)
    await assertWorksWithFamily(tx, caller, link.familyId)
    const state = linkState(link)
    let set: Partial<FamilyLink>
    if (change.kind === 'revoke') {
      if (state === 'revoked') throw new AppError('conflict', 'This link has already been stopped.')
      set = { revokedAt: new Date(), revokedBy: caller.audit.actorPersonId, revokeReason: change.reason }
    } else if (change.kind === 'renew') {
      if (state === 'revoked') throw new AppError('conflict', 'A stopped link cannot be renewed: issue a new one.')
      const days = change.days ?? (await voiceSettings(tx, caller.councilId)).linkDays
      set = { expiresAt: new Date(Date.now() + days * 86_400_000), renewedAt: new Date() }
    } else {
      if ((await leadOf(tx, caller.councilId, link.familyId)) !== caller.audit.actorPersonId)
        throw new AppError('forbidden', 'Only the family’s lead decides about contact with the family.')
      if (state === 'revoked') throw new AppError('conflict', 'This link has already been stopped.')
      set = { holdDecision: change.reason, holdDecisionAt: new Date(), holdDecisionBy: caller.audit.actorPersonId }
    }
    const [updated] = await tx
      .update(familyLinks)
      .set(set)
      .where(and(eq(familyLinks.councilId, caller.councilId), eq(familyLinks.id, linkId)))
      .returning()
    await audit(tx, caller, updated!, change.kind)
    return updated!
  })
  return (await linkSummaries(db, caller.councilId, [row]))[0]!
}

async function audit(tx: Tx, caller: Caller, link: FamilyLink, kind: Change['kind']) {
  await writeAudit(tx, {
    ...caller.audit,
    action: `family_link.${kind}`,
    recordType: 'family_link',
    recordId: link.id,
    familyId: link.familyId,
    childId: link.childId,
    details: kind === 'renew' ? { expiresAt: link.expiresAt.toISOString() } : null,
  })
}
