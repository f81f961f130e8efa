import type { Ctx, Deps } from '../../kernel/context'
import { patches, writeAudit } from '@hearth/db'
import type { PatchInput } from '@hearth/contracts'

export async function createPatch(deps: Deps, ctx: Ctx, input: PatchInput) {
  const { db } = deps
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(patches)
      .values({ councilId: ctx.councilId, name: input.name, postcodeAreas: [...new Set(input.postcodeAreas)] })
      .returning()
    await writeAudit(tx, { ...ctx, action: 'patch.create', recordType: 'patch', recordId: row!.id })
    return { ...row!, teamCount: 0 }
  })
}
