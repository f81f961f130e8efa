import type { Ctx, Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { families, writeAudit } from '@hearth/db'
import type { FamilyUpdate } from '@hearth/contracts'
import type { FamilyScope } from '@hearth/domain'
import { familyInScope, patchFor } from './family-queries'

export async function updateFamily(deps: Deps, ctx: Ctx, scope: FamilyScope, familyId: string, input: FamilyUpdate) {
  const { db } = deps
  return db.transaction(async (tx) => {
    await familyInScope(tx, ctx.councilId, scope, familyId)
    const set: Partial<typeof families.$inferInsert> = { ...input, updatedAt: new Date() }
    if (input.postcode) set.patchId = await patchFor(tx, ctx.councilId, input.postcode)
    const [row] = await tx
      .update(families)
      .set(set)
      .where(and(eq(families.councilId, ctx.councilId), eq(families.id, familyId)))
      .returning()
    await writeAudit(tx, {
      ...ctx,
      action: 'family.update',
      recordType: 'family',
      recordId: familyId,
      familyId,
      details: { fields: Object.keys(input) },
    })
    return row!
  })
}
