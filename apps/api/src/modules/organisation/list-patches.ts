import type { Deps } from '../../kernel/context'
import { asc, eq, sql } from 'drizzle-orm'
import { patches, teams } from '@hearth/db/schema/organisation'
import type { Caller } from '../../kernel/caller'

export async function listPatches(deps: Deps, caller: Caller) {
  const { db } = deps
  const { councilId } = caller.audit
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
