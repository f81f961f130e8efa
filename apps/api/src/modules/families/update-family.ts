import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { families } from '@hearth/db/schema/families'
import type { FamilyUpdate } from '@hearth/contracts/families'
import { addressVisibleTo } from '@hearth/domain/confidential-address'
import { invalid } from '../../kernel/errors'
import { familyInScope, patchFor } from './family-queries'
import type { Caller } from '../../kernel/caller'

export async function updateFamily(deps: Deps, caller: Caller, familyId: string, input: FamilyUpdate) {
  const { db } = deps
  return db.transaction(async (tx) => {
    const before = await familyInScope(tx, caller.councilId, caller.familyScope, familyId)
    const addressFields = ['addressLine1', 'addressLine2', 'town', 'postcode'] as const
    const touched = addressFields.find((k) => input[k] !== undefined)
    // a confidential address is changed only by those named on it (others never saw it)
    if (touched && !addressVisibleTo(before, caller.personId))
      throw invalid(`body.${touched}`, 'the address is confidential: only the staff named on it can change it')
    const set: Partial<typeof families.$inferInsert> = { ...input, updatedAt: new Date() }
    if (input.postcode) set.patchId = await patchFor(tx, caller.councilId, input.postcode)
    const [row] = await tx
      .update(families)
      .set(set)
      .where(and(eq(families.councilId, caller.councilId), eq(families.id, familyId)))
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'family.update',
      recordType: 'family',
      recordId: familyId,
      familyId,
      details: { fields: Object.keys(input) },
    })
    return row!
  })
}
