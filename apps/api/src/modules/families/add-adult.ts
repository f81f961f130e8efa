import type { Ctx, Deps } from '../../kernel/context'
import { adults, writeAudit } from '@hearth/db'
import type { AdultInput } from '@hearth/contracts'
import type { FamilyScope } from '@hearth/domain'
import { familyInScope } from './family-queries'

export async function addAdult(deps: Deps, ctx: Ctx, scope: FamilyScope, familyId: string, input: AdultInput) {
  const { db } = deps
  return db.transaction(async (tx) => {
    await familyInScope(tx, ctx.councilId, scope, familyId)
    const [row] = await tx
      .insert(adults)
      .values({
        councilId: ctx.councilId,
        familyId,
        name: input.name,
        description: input.description ?? null,
        phone: input.phone ?? null,
        livesWithFamily: input.livesWithFamily,
      })
      .returning()
    await writeAudit(tx, { ...ctx, action: 'adult.create', recordType: 'adult', recordId: row!.id, familyId })
    return row!
  })
}
