import type { Ctx, Deps } from '../../kernel/context'
import { teams, writeAudit } from '@hearth/db'
import type { TeamInput } from '@hearth/contracts'
import { assertPatchFitsTeam, teamWithCounts } from './organisation-queries'

export async function createTeam(deps: Deps, ctx: Ctx, input: TeamInput) {
  const { db } = deps
  await assertPatchFitsTeam(db, ctx.councilId, input.kind, input.patchId)
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(teams)
      .values({
        councilId: ctx.councilId,
        name: input.name,
        kind: input.kind,
        patchId: input.patchId ?? null,
        caseloadCap: input.caseloadCap ?? 14,
        phone: input.phone ?? null,
      })
      .returning({ id: teams.id })
    await writeAudit(tx, { ...ctx, action: 'team.create', recordType: 'team', recordId: row!.id })
    return row!.id
  })
  return (await teamWithCounts(db, ctx.councilId, id))[0]!
}
