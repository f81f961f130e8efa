import type { Deps } from '../../kernel/context'
import { writeAudit } from '@hearth/db/audit'
import { nextReference } from '@hearth/db/references'
import { families } from '@hearth/db/schema/families'
import type { FamilyInput } from '@hearth/contracts/families'
import { canSeeFamily } from '@hearth/domain/access'
import { invalid } from '../../kernel/errors'
import { patchFor } from './family-queries'
import type { Caller } from '../../kernel/caller'

export async function createFamily(deps: Deps, caller: Caller, input: FamilyInput) {
  const { db } = deps
  return db.transaction(async (tx) => {
    const patchId = await patchFor(tx, caller.councilId, input.postcode)
    if (!canSeeFamily(caller.familyScope, patchId))
      throw invalid(
        'body.postcode',
        'this postcode is outside your team’s patch: ask the referral team to record the family',
      )
    const [row] = await tx
      .insert(families)
      .values({
        ...input,
        addressLine2: input.addressLine2 ?? null,
        councilId: caller.councilId,
        patchId,
        reference: await nextReference(tx, 'family'),
      })
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'family.create',
      recordType: 'family',
      recordId: row!.id,
      familyId: row!.id,
    })
    return row!
  })
}
