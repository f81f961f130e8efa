import type { Ctx, Deps } from '../../kernel/context'
import { and, desc, eq } from 'drizzle-orm'
import { visits } from '@hearth/db'
import type { Actor } from '../../plugins/auth'
import { view } from './visit-queries'
import { familyInScope } from '../families/family-queries'

export async function listVisits(deps: Deps, ctx: Ctx, actor: Actor, familyId: string) {
  const { db } = deps
  const f = await familyInScope(db, actor.councilId, actor.familyScope, familyId)
  const rows = await db
    .select()
    .from(visits)
    .where(and(eq(visits.councilId, actor.councilId), eq(visits.familyId, familyId)))
    .orderBy(desc(visits.startsAt))
    .limit(200)
  return view(
    db,
    rows.map((r) => ({ ...r, familyName: f.name })),
    actor.councilId,
  )
}
