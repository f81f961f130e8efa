import type { Deps } from '../../kernel/context'
import { and, eq, lt, or } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { adminTasks } from '@hearth/db/schema/enablers'
import { DEFAULT_CLAIM_MINUTES } from '@hearth/domain/admin-tasks'
import { AppError } from '../../kernel/errors'
import { load, views } from './task-queries'
import type { Caller } from '../../kernel/caller'

/** One enabler at a time: the claim is a single conditional UPDATE, and lapses after `claimMinutes`. */
export async function claimTask(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  const now = new Date()
  const [t] = await db
    .update(adminTasks)
    .set({
      status: 'claimed',
      claimedBy: caller.audit.actorPersonId,
      claimedAt: now,
      claimExpiresAt: new Date(now.getTime() + DEFAULT_CLAIM_MINUTES * 60_000),
    })
    .where(
      and(
        eq(adminTasks.councilId, caller.councilId),
        eq(adminTasks.id, id),
        or(eq(adminTasks.status, 'open'), and(eq(adminTasks.status, 'claimed'), lt(adminTasks.claimExpiresAt, now))),
      ),
    )
    .returning()
  if (!t) {
    const current = await load(db, caller.councilId, id)
    const [v] = await views(db, caller.councilId, [current])
    throw new AppError(
      'conflict',
      v!.status === 'held'
        ? `${v!.heldReason} Nothing can be sent until the lead decides.`
        : v!.status === 'done'
          ? 'This task is already done.'
          : v!.status === 'cancelled'
            ? 'This task was cancelled.'
            : `${v!.claimedByName ?? 'Another enabler'} is already doing this task.`,
    )
  }
  await writeAudit(db, {
    ...caller.audit,
    action: 'task.claim',
    recordType: 'admin_task',
    recordId: id,
    familyId: t.familyId,
  })
  return (await views(db, caller.councilId, [t]))[0]!
}
