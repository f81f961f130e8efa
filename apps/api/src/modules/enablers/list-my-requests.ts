import type { Ctx, Deps } from '../../kernel/context'
import { and, asc, eq, gte, or, sql } from 'drizzle-orm'
import { adminTasks } from '@hearth/db'
import type { Actor } from '../../plugins/auth'
import { familyOpenTo } from '../../kernel/family-access'
import { views } from './task-queries'

export async function listMyRequests(deps: Deps, ctx: Ctx, actor: Actor) {
  const personId = actor.personId
  const { db } = deps
  const rows = await db
    .select()
    .from(adminTasks)
    .where(
      and(
        eq(adminTasks.councilId, ctx.councilId),
        eq(adminTasks.requestedBy, personId),
        or(sql`${adminTasks.status} <> 'done'`, gte(adminTasks.completedAt, new Date(Date.now() - 7 * 86_400_000))),
        familyOpenTo(actor, adminTasks.familyId),
      ),
    )
    .orderBy(asc(adminTasks.dueAt))
    .limit(100)
  return views(db, ctx.councilId, rows)
}
