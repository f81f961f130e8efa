import type { Deps } from '../../kernel/context'
import { and, asc, desc, eq, gte, lt, or } from 'drizzle-orm'
import { adminTasks } from '@hearth/db/schema/enablers'
import { familyOpenTo } from '../../kernel/family-access'
import { views } from './task-queries'
import type { Caller } from '../../kernel/caller'

/**
 * The enablers' queue: due first; "open" includes claims that lapsed, and contact with a family that
 * is held for the lead's decision (shown held, with why, so nobody sends it by another route).
 */
export async function listTaskQueue(
  deps: Deps,
  caller: Caller,
  q: { status: 'open' | 'mine' | 'done'; type?: string; teamId?: string },
) {
  const { db } = deps
  const conds = [eq(adminTasks.councilId, caller.councilId)]
  if (q.status === 'open')
    conds.push(
      or(
        eq(adminTasks.status, 'open'),
        eq(adminTasks.status, 'held'),
        and(eq(adminTasks.status, 'claimed'), lt(adminTasks.claimExpiresAt, new Date())),
      )!,
    )
  if (q.status === 'mine')
    conds.push(
      eq(adminTasks.status, 'claimed'),
      eq(adminTasks.claimedBy, caller.personId),
      gte(adminTasks.claimExpiresAt, new Date()),
    )
  if (q.status === 'done') conds.push(eq(adminTasks.status, 'done'))
  if (q.type) conds.push(eq(adminTasks.taskType, q.type))
  if (q.teamId) conds.push(eq(adminTasks.teamId, q.teamId))
  // a restricted family's tasks only for the staff named on it
  conds.push(familyOpenTo(caller, adminTasks.familyId))
  const rows = await db
    .select()
    .from(adminTasks)
    .where(and(...conds))
    .orderBy(q.status === 'done' ? desc(adminTasks.completedAt) : asc(adminTasks.dueAt))
    .limit(500)
  return views(db, caller.councilId, rows)
}
