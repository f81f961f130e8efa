import type { Deps } from '../../kernel/context'
import { writeAudit } from '@hearth/db/audit'
import { newLaChildId } from '@hearth/db/references'
import { children } from '@hearth/db/schema/families'
import type { ChildInput } from '@hearth/contracts/families'
import { familyInScope } from './family-queries'
import type { Caller } from '../../kernel/caller'

export async function addChild(deps: Deps, caller: Caller, familyId: string, input: ChildInput) {
  const { db } = deps
  return db.transaction(async (tx) => {
    await familyInScope(tx, caller.councilId, caller.familyScope, familyId)
    const [row] = await tx
      .insert(children)
      .values({
        councilId: caller.councilId,
        familyId,
        laChildId: input.laChildId ?? newLaChildId(),
        firstName: input.firstName,
        lastName: input.lastName,
        dateOfBirth: input.dateOfBirth ?? null,
        expectedDateOfBirth: input.expectedDateOfBirth ?? null,
        sex: input.sex,
        ethnicity: input.ethnicity,
        nhsNumber: input.nhsNumber ?? null,
        upn: input.upn ?? null,
        upnUnknown: input.upnUnknown ?? null,
        disabilities: input.disabilities ?? [],
        dateOfDeath: input.dateOfDeath ?? null,
      })
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'child.create',
      recordType: 'child',
      recordId: row!.id,
      familyId,
      childId: row!.id,
    })
    return row!
  })
}
