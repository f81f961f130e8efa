import type { Ctx, Deps } from '../../kernel/context'
import { families, nextReference, writeAudit } from '@hearth/db'
import type { FamilyInput } from '@hearth/contracts'
import { canSeeFamily, type FamilyScope } from '@hearth/domain'
import { invalid } from '../../kernel/errors'
import { patchFor } from './family-queries'

export async function createFamily(deps: Deps, ctx: Ctx, scope: FamilyScope, input: FamilyInput) {
  const { db } = deps
  return db.transaction(async (tx) => {
    const patchId = await patchFor(tx, ctx.councilId, input.postcode)
    if (!canSeeFamily(scope, patchId))
      throw invalid(
        'body.postcode',
        'this postcode is outside your team’s patch: ask the referral team to record the family',
      )
    const [row] = await tx
      .insert(families)
      .values({
        ...input,
        addressLine2: input.addressLine2 ?? null,
        councilId: ctx.councilId,
        patchId,
        reference: await nextReference(tx, 'family'),
      })
      .returning()
    await writeAudit(tx, {
      ...ctx,
      action: 'family.create',
      recordType: 'family',
      recordId: row!.id,
      familyId: row!.id,
    })
    return row!
  })
}
