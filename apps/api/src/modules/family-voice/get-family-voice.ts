import { and, desc, eq } from 'drizzle-orm'
import { familyMessages } from '@hearth/db/schema/family-voice'
import { CONTACT_HOLD_REASONS, type ContactHoldReason } from '@hearth/domain/contact-holds'
import type { FamilyVoiceView } from '@hearth/contracts/family-voice'
import type { Deps } from '../../kernel/context'
import { familyInScope } from '../families/family-queries'
import { leadOf } from '../contact/contact-queries'
import { openContactHolds } from '@hearth/db/contact'
import { familyLinksOf, linkPeople, messageViews, voiceSettings } from './voice-queries'
import type { Caller } from '../../kernel/caller'

/** The family's links, what they have said through them, and whether contact is held. */
export async function getFamilyVoice(deps: Deps, caller: Caller, familyId: string): Promise<FamilyVoiceView> {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const c = caller.councilId
  const [holds, who, links, messages, settings, lead] = await Promise.all([
    openContactHolds(db, c, familyId),
    linkPeople(db, c, familyId),
    familyLinksOf(db, c, familyId),
    db
      .select()
      .from(familyMessages)
      .where(and(eq(familyMessages.councilId, c), eq(familyMessages.familyId, familyId)))
      .orderBy(desc(familyMessages.createdAt))
      .limit(200),
    voiceSettings(db, c),
    leadOf(db, c, familyId),
  ])
  return {
    familyId,
    isLead: lead === caller.audit.actorPersonId,
    holds: holds.map((h) => ({
      reason: CONTACT_HOLD_REASONS[h.reason as ContactHoldReason] ?? h.reason,
      startedAt: h.startedAt.toISOString(),
    })),
    people: who.people,
    links,
    messages: await messageViews(db, c, messages),
    linkDays: settings.linkDays,
  }
}
