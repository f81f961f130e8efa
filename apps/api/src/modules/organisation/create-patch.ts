import type { Deps } from '../../kernel/context'
import { writeAudit } from '@hearth/db/audit'
import { patches } from '@hearth/db/schema/organisation'
import type { PatchInput } from '@hearth/contracts/organisation'
import type { Caller } from '../../kernel/caller'

export async function createPatch(deps: Deps, caller: Caller, input: PatchInput) {
  const { db } = deps
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(patches)
      .values({ councilId: caller.councilId, name: input.name, postcodeAreas: [...new Set(input.postcodeAreas)] })
      .returning()
    await writeAudit(tx, { ...caller.audit, action: 'patch.create', recordType: 'patch', recordId: row!.id })
    return { ...row!, teamCount: 0 }
  })
}
