import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { familyLinks } from '@hearth/db/schema/family-voice'
import { LINK_CODE_ATTEMPTS } from '@hearth/domain/family-voice'
import type { Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import { tryCode } from '../../kernel/link-codes'
import { codeMatches } from '../../kernel/tokens'
import type { LinkCaller } from '../../kernel/caller'

/**
 * Checks the short code sent separately. A wrong one is counted; the fifth stops the link (the
 * team issues a new one). The code is then sent with every request, never stored in the browser
 * beyond the tab.
 */
export async function checkLinkCode(deps: Deps, caller: LinkCaller, tokenHash: string, code: string) {
  const { db } = deps
  const [link] = await db
    .select({ codeHash: familyLinks.codeHash, failures: familyLinks.codeFailures })
    .from(familyLinks)
    .where(and(eq(familyLinks.councilId, caller.holder.councilId), eq(familyLinks.id, caller.holder.linkId)))
  if (!link?.codeHash) return { ok: true as const }
  const stored = link.codeHash
  const tried = await tryCode(db, caller.holder.councilId, caller.holder.linkId, () =>
    codeMatches(caller.holder.linkId, tokenHash, code, stored),
  )
  // stopped meanwhile (codes sent at once, the fifth wrong): as for any stopped link
  if (tried === 'spent') throw new AppError('not_found', 'There is nothing at this address.')
  if (tried === 'wrong') {
    await writeAudit(db, {
      ...caller.audit,
      action: 'family_link.code_wrong',
      recordType: 'family_link',
      recordId: caller.holder.linkId,
      familyId: caller.holder.familyId,
      details: { failures: link.failures + 1, stopped: link.failures + 1 >= LINK_CODE_ATTEMPTS },
    })
    throw invalid('body.code', 'that code is not right: check the code we gave you')
  }
  return { ok: true as const }
}
