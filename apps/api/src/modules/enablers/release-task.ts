import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { adminTasks } from '@hearth/db/schema/enablers'
import { AppError } from '../../kernel/errors'
import { load, views } from './task-queries'
import type { Caller } from '../../kernel/caller'

export async function releaseTask(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  const [t] = await db
    .update(adminTasks)
    .set({ status: 'open', claimedBy: null, claimedAt: null, claimExpiresAt: null })
    .where(
      and(
        eq(adminTasks.councilId, caller.councilId),
        eq(adminTasks.id, id),
        eq(adminTasks.status, 'claimed'),
        eq(adminTasks.claimedBy, caller.audit.actorPersonId!),
      ),
    )
    .returning()
  if (!t) {
    await load(db, caller.councilId, id) // another council's or no such task: "not found"
    throw new AppError('conflict', 'Only the enabler doing this task can hand it back.')
  }
  await writeAudit(db, {
    ...caller.audit,
    action: 'task.release',
    recordType: 'admin_task',
    recordId: id,
    familyId: t.familyId,
  })
  return (await views(db, caller.councilId, [t]))[0]!
}
