import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { families } from '@hearth/db/schema/families'
import { addressVisibleTo } from '@hearth/domain/confidential-address'
import type { Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import { familyInScope, namedStaff } from './family-queries'
import type { Caller } from '../../kernel/caller'

/**
 * Marks the family's address confidential (a refuge; somewhere a parent must not find them), or
 * no longer, and names the staff who may see it. The person marking it is always named. Only
 * someone who can see the address may change who else can.
 */
export async function setAddressConfidentiality(
  deps: Deps,
  caller: Caller,
  familyId: string,
  input: { confidential: boolean; shownTo: string[]; reason?: string | null },
) {
  return deps.db.transaction(async (tx) => {
    const f = await familyInScope(tx, caller.councilId, caller.familyScope, familyId)
    if (!addressVisibleTo(f, caller.personId))
      throw new AppError('forbidden', 'Only the staff named on a confidential address can change who sees it.')
    const named = await namedStaff(tx, caller.councilId, caller.personId, input.shownTo, 'body.shownTo')
    if (input.confidential && !input.reason) throw invalid('body.reason', 'say why the address is confidential')
    const [row] = await tx
      .update(families)
      .set({
        addressConfidential: input.confidential,
        addressShownTo: input.confidential ? named : [],
        addressConfidentialReason: input.confidential ? (input.reason ?? null) : null,
        updatedAt: new Date(),
      })
      .where(and(eq(families.councilId, caller.councilId), eq(families.id, familyId)))
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: input.confidential ? 'family.address_confidential' : 'family.address_not_confidential',
      recordType: 'family',
      recordId: familyId,
      familyId,
      details: { shownTo: input.confidential ? named : [] },
    })
    return row!
  })
}
