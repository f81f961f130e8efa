import type { Deps } from '../../kernel/context'
import { and, asc, eq, gte, or, sql } from 'drizzle-orm'
import { adminTasks } from '@hearth/db/schema/enablers'
import { familyOpenTo } from '../../kernel/family-access'
import { views } from './task-queries'
import type { Caller } from '../../kernel/caller'

export async function listMyRequests(deps: Deps, caller: Caller) {
  const personId = caller.personId
  const { db } = deps
  const rows = await db
    .select()
    .from(adminTasks)
    .where(
      and(
        eq(adminTasks.councilId, caller.councilId),
        eq(adminTasks.requestedBy, personId),
        or(sql`${adminTasks.status} <> 'done'`, gte(adminTasks.completedAt, new Date(Date.now() - 7 * 86_400_000))),
        familyOpenTo(caller, adminTasks.familyId),
      ),
    )
    .orderBy(asc(adminTasks.dueAt))
    .limit(100)
  return views(db, caller.councilId, rows)
}
