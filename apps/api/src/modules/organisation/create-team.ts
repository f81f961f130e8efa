import type { Deps } from '../../kernel/context'
import { writeAudit } from '@hearth/db/audit'
import { teams } from '@hearth/db/schema/organisation'
import type { TeamInput } from '@hearth/contracts/organisation'
import { assertPatchFitsTeam, teamWithCounts } from './organisation-queries'
import type { Caller } from '../../kernel/caller'

export async function createTeam(deps: Deps, caller: Caller, input: TeamInput) {
  const { db } = deps
  await assertPatchFitsTeam(db, caller.councilId, input.kind, input.patchId)
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(teams)
      .values({
        councilId: caller.councilId,
        name: input.name,
        kind: input.kind,
        patchId: input.patchId ?? null,
        caseloadCap: input.caseloadCap ?? 14,
        phone: input.phone ?? null,
      })
      .returning({ id: teams.id })
    await writeAudit(tx, { ...caller.audit, action: 'team.create', recordType: 'team', recordId: row!.id })
    return row!.id
  })
  return (await teamWithCounts(db, caller.councilId, id))[0]!
}
