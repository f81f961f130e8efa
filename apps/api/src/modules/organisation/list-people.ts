import type { Deps } from '../../kernel/context'
import { asc, eq } from 'drizzle-orm'
import { people } from '@hearth/db/schema/organisation'
import { pendingRolesByPerson, personView, teamsByPerson } from './organisation-queries'
import type { Caller } from '../../kernel/caller'

export async function listPeople(deps: Deps, caller: Caller) {
  const { db } = deps
  const { councilId } = caller.audit
  const rows = await db.select().from(people).where(eq(people.councilId, councilId)).orderBy(asc(people.name))
  const ids = rows.map((r) => r.id)
  const byPerson = await teamsByPerson(db, councilId, ids)
  const pending = await pendingRolesByPerson(db, councilId, ids)
  return rows.map((p) => personView(p, byPerson.get(p.id) ?? [], pending.get(p.id) ?? []))
}
