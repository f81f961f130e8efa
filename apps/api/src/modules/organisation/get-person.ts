import type { Ctx, Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import { pendingRolesByPerson, personOf, personView, teamsByPerson } from './organisation-queries'

export async function getPerson(deps: Deps, ctx: Ctx, personId: string) {
  const { db } = deps
  const { councilId } = ctx
  const p = await personOf(db, councilId, personId)
  if (!p) throw notFound('person')
  const teams = (await teamsByPerson(db, councilId, [p.id])).get(p.id) ?? []
  const pending = (await pendingRolesByPerson(db, councilId, [p.id])).get(p.id) ?? []
  return personView(p, teams, pending)
}
