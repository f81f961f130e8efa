import type { Ctx, Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import { personOf, personView, teamsByPerson } from './organisation-queries'

export async function getPerson(deps: Deps, ctx: Ctx, personId: string) {
  const { db } = deps
  const { councilId } = ctx
  const p = await personOf(db, councilId, personId)
  if (!p) throw notFound('person')
  return personView(p, (await teamsByPerson(db, councilId, [p.id])).get(p.id) ?? [])
}
