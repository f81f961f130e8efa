import { and, eq } from 'drizzle-orm'
import { families, writeAudit } from '@hearth/db'
import { addressVisibleTo, type FamilyScope } from '@hearth/domain'
import type { Ctx, Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import { familyInScope, namedStaff } from './family-queries'

/**
 * Marks the family's address confidential (a refuge; somewhere a parent must not find them), or
 * no longer, and names the staff who may see it. The person marking it is always named. Only
 * someone who can see the address may change who else can.
 */
export async function setAddressConfidentiality(
  deps: Deps,
  ctx: Ctx,
  actor: { familyScope: FamilyScope; personId: string },
  familyId: string,
  input: { confidential: boolean; shownTo: string[]; reason?: string | null },
) {
  return deps.db.transaction(async (tx) => {
    const f = await familyInScope(tx, ctx.councilId, actor.familyScope, familyId)
    if (!addressVisibleTo(f, actor.personId))
      throw new AppError('forbidden', 'Only the staff named on a confidential address can change who sees it.')
    const named = await namedStaff(tx, ctx.councilId, actor.personId, input.shownTo, 'body.shownTo')
    if (input.confidential && !input.reason) throw invalid('body.reason', 'say why the address is confidential')
    const [row] = await tx
      .update(families)
      .set({
        addressConfidential: input.confidential,
        addressShownTo: input.confidential ? named : [],
        addressConfidentialReason: input.confidential ? (input.reason ?? null) : null,
        updatedAt: new Date(),
      })
      .where(and(eq(families.councilId, ctx.councilId), eq(families.id, familyId)))
      .returning()
    await writeAudit(tx, {
      ...ctx,
      action: input.confidential ? 'family.address_confidential' : 'family.address_not_confidential',
      recordType: 'family',
      recordId: familyId,
      familyId,
      details: { shownTo: input.confidential ? named : [] },
    })
    return row!
  })
}
