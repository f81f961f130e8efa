import type { Ctx, Deps } from '../../kernel/context'
import { asc, eq } from 'drizzle-orm'
import { people } from '@hearth/db'
import { personView, teamsByPerson } from './organisation-queries'

export async function listPeople(deps: Deps, ctx: Ctx) {
  const { db } = deps
  const { councilId } = ctx
  const rows = await db.select().from(people).where(eq(people.councilId, councilId)).orderBy(asc(people.name))
  const byPerson = await teamsByPerson(
    db,
    councilId,
    rows.map((r) => r.id),
  )
  return rows.map((p) => personView(p, byPerson.get(p.id) ?? []))
}
