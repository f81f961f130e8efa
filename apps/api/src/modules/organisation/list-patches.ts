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
      // qualified by hand: in a one-table select drizzle leaves columns bare, and a bare "id" here
      // would be the team's own id (every patch showed 0 teams)
      teamCount: sql<number>`(select count(*)::int from ${teams} t where t.council_id = "patches"."council_id" and t.patch_id = "patches"."id")`,
    })
    .from(patches)
    .where(eq(patches.councilId, councilId))
    .orderBy(asc(patches.name))
}
