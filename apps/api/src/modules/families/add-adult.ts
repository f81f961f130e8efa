import type { Deps } from '../../kernel/context'
import { writeAudit } from '@hearth/db/audit'
import { adults } from '@hearth/db/schema/families'
import type { AdultInput } from '@hearth/contracts/families'
import { familyInScope } from './family-queries'
import type { Caller } from '../../kernel/caller'

export async function addAdult(deps: Deps, caller: Caller, familyId: string, input: AdultInput) {
  const { db } = deps
  return db.transaction(async (tx) => {
    await familyInScope(tx, caller.councilId, caller.familyScope, familyId)
    const [row] = await tx
      .insert(adults)
      .values({
        councilId: caller.councilId,
        familyId,
        name: input.name,
        description: input.description ?? null,
        phone: input.phone ?? null,
        livesWithFamily: input.livesWithFamily,
      })
      .returning()
    await writeAudit(tx, { ...caller.audit, action: 'adult.create', recordType: 'adult', recordId: row!.id, familyId })
    return row!
  })
}
