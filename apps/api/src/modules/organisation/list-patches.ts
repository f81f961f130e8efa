import type { Ctx, Deps } from '../../kernel/context'
import { asc, eq, sql } from 'drizzle-orm'
import { patches, teams } from '@hearth/db'

export async function listPatches(deps: Deps, ctx: Ctx) {
  const { db } = deps
  const { councilId } = ctx
  return db
    .select({
      id: patches.id,
      name: patches.name,
      postcodeAreas: patches.postcodeAreas,
      teamCount: sql<number>`(select count(*)::int from ${teams} t where t.council_id = ${patches.councilId} and t.patch_id = ${patches.id})`,
    })
    .from(patches)
    .where(eq(patches.councilId, councilId))
    .orderBy(asc(patches.name))
}
