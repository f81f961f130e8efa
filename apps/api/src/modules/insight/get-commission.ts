import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { commissions } from '@hearth/db/schema/insight'
import { notFound } from '../../kernel/errors'
import { canSee, views } from './commission-queries'
import type { Caller } from '../../kernel/caller'

export async function getCommission(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  const [r] = await db
    .select()
    .from(commissions)
    .where(and(eq(commissions.councilId, caller.councilId), eq(commissions.id, id)))
  if (!r || !(await canSee(db, caller, r))) throw notFound('commission')
  return (await views(db, caller.councilId, [r]))[0]!
}
