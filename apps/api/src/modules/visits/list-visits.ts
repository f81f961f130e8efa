import type { Deps } from '../../kernel/context'
import { and, desc, eq } from 'drizzle-orm'
import { visits } from '@hearth/db/schema/visits'
import { view } from './visit-queries'
import { familyInScope } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'

export async function listVisits(deps: Deps, caller: Caller, familyId: string) {
  const { db } = deps
  const f = await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const rows = await db
    .select()
    .from(visits)
    .where(and(eq(visits.councilId, caller.councilId), eq(visits.familyId, familyId)))
    .orderBy(desc(visits.startsAt))
    .limit(200)
  return view(
    db,
    rows.map((r) => ({ ...r, familyName: f.name })),
    caller.councilId,
  )
}
