import type { Ctx, Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { canSee, load, views } from './proposal-queries'

export async function getProposal(deps: Deps, ctx: Ctx, actor: Actor, id: string) {
  const { db } = deps
  const p = await load(db, ctx.councilId, id)
  if (!canSee(actor, p)) throw notFound('proposal')
  return (await views(db, ctx.councilId, [p]))[0]!
}
