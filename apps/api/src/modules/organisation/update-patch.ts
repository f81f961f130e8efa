import type { Deps } from '../../kernel/context'
import { and, eq, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { patches, teams } from '@hearth/db/schema/organisation'
import type { PatchInput } from '@hearth/contracts/organisation'
import { notFound } from '../../kernel/errors'
import type { Caller } from '../../kernel/caller'

export async function updatePatch(deps: Deps, caller: Caller, patchId: string, input: Partial<PatchInput>) {
  const { db } = deps
  return db.transaction(async (tx) => {
    const set: Partial<typeof patches.$inferInsert> = { updatedAt: new Date() }
    if (input.name !== undefined) set.name = input.name
    if (input.postcodeAreas !== undefined) set.postcodeAreas = [...new Set(input.postcodeAreas)]
    const [row] = await tx
      .update(patches)
      .set(set)
      .where(and(eq(patches.councilId, caller.councilId), eq(patches.id, patchId)))
      .returning()
    if (!row) throw notFound('patch')
    await writeAudit(tx, {
      ...caller.audit,
      action: 'patch.update',
      recordType: 'patch',
      recordId: row.id,
      details: { fields: Object.keys(input) },
    })
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(teams)
      .where(and(eq(teams.councilId, caller.councilId), eq(teams.patchId, row.id)))) as [{ n: number }]
    return { ...row, teamCount: n }
  })
}
