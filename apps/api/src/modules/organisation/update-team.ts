import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { teams } from '@hearth/db/schema/organisation'
import type { TeamUpdate } from '@hearth/contracts/organisation'
import { notFound } from '../../kernel/errors'
import { assertPatchFitsTeam, teamWithCounts } from './organisation-queries'
import type { Caller } from '../../kernel/caller'

export async function updateTeam(deps: Deps, caller: Caller, teamId: string, input: TeamUpdate) {
  const { db } = deps
  const [current] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.councilId, caller.councilId), eq(teams.id, teamId)))
  if (!current) throw notFound('team')
  if (input.patchId !== undefined) await assertPatchFitsTeam(db, caller.councilId, current.kind, input.patchId)
  await db.transaction(async (tx) => {
    await tx
      .update(teams)
      .set({ ...input, updatedAt: new Date() })
      .where(and(eq(teams.councilId, caller.councilId), eq(teams.id, teamId)))
    await writeAudit(tx, {
      ...caller.audit,
      action: 'team.update',
      recordType: 'team',
      recordId: teamId,
      details: { fields: Object.keys(input) },
    })
  })
  return (await teamWithCounts(db, caller.councilId, teamId))[0]!
}
