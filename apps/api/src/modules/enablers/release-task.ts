import type { Ctx, Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { adminTasks, writeAudit } from '@hearth/db'
import { AppError } from '../../kernel/errors'
import { load, views } from './task-queries'

export async function releaseTask(deps: Deps, ctx: Ctx, id: string) {
  const { db } = deps
  const [t] = await db
    .update(adminTasks)
    .set({ status: 'open', claimedBy: null, claimedAt: null, claimExpiresAt: null })
    .where(
      and(
        eq(adminTasks.councilId, ctx.councilId),
        eq(adminTasks.id, id),
        eq(adminTasks.status, 'claimed'),
        eq(adminTasks.claimedBy, ctx.actorPersonId!),
      ),
    )
    .returning()
  if (!t) {
    await load(db, ctx.councilId, id) // another council's or no such task: "not found"
    throw new AppError('conflict', 'Only the enabler doing this task can hand it back.')
  }
  await writeAudit(db, {
    ...ctx,
    action: 'task.release',
    recordType: 'admin_task',
    recordId: id,
    familyId: t.familyId,
  })
  return (await views(db, ctx.councilId, [t]))[0]!
}
