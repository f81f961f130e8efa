import type { Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import { pendingRolesByPerson, personOf, personView, teamsByPerson } from './organisation-queries'
import type { Caller } from '../../kernel/caller'

export async function getPerson(deps: Deps, caller: Caller, personId: string) {
  const { db } = deps
  const { councilId } = caller.audit
  const p = await personOf(db, councilId, personId)
  if (!p) throw notFound('person')
  const teams = (await teamsByPerson(db, councilId, [p.id])).get(p.id) ?? []
  const pending = (await pendingRolesByPerson(db, councilId, [p.id])).get(p.id) ?? []
  return personView(p, teams, pending)
}
