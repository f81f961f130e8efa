import type { Ctx, Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { canSee, load, views } from './insight-queries'

export async function getInsightRequest(deps: Deps, ctx: Ctx, actor: Actor, id: string) {
  const { db } = deps
  const r = await load(db, ctx.councilId, id)
  if (!(await canSee(db, actor, r))) throw notFound('request')
  return (await views(db, ctx.councilId, [r]))[0]!
}
