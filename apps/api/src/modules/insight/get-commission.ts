import type { Ctx, Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { commissions } from '@hearth/db'
import { notFound } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { canSee, views } from './commission-queries'

export async function getCommission(deps: Deps, ctx: Ctx, actor: Actor, id: string) {
  const { db } = deps
  const [r] = await db
    .select()
    .from(commissions)
    .where(and(eq(commissions.councilId, ctx.councilId), eq(commissions.id, id)))
  if (!r || !(await canSee(db, actor, r))) throw notFound('commission')
  return (await views(db, ctx.councilId, [r]))[0]!
}
