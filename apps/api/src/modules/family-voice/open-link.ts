import type { LinkCaller } from '../../kernel/caller'
import { and, eq } from 'drizzle-orm'
import { familyLinks } from '@hearth/db/schema/family-voice'
import type { FamilyLinkAnswer } from '@hearth/contracts/family-voice'
import type { Deps } from '../../kernel/context'
import { familyLinkView } from './link-view'

/**
 * The family opens their link: what they may see (or, for a link with a short code not yet
 * given, only that the code is needed). The read is audited by the route's `reads`.
 */
export async function openLink(deps: Deps, caller: LinkCaller): Promise<FamilyLinkAnswer> {
  const { holder } = caller
  if (!holder.codeOk) return { needsCode: true, language: holder.language }
  const view = await familyLinkView(deps.db, holder.councilId, holder.familyId, holder)
  // when it was last opened, to the minute (every opening itself is in the audit trail)
  if (holder.lastOpenedAt && Date.now() - holder.lastOpenedAt.getTime() < 60_000) return view
  await deps.db
    .update(familyLinks)
    .set({ lastOpenedAt: new Date() })
    .where(and(eq(familyLinks.councilId, holder.councilId), eq(familyLinks.id, holder.linkId)))
  return view
}
