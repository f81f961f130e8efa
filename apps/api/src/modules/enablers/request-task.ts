import type { Ctx, Deps } from '../../kernel/context'
import { randomUUID } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import { adminTasks, allocations, createTask, writeAudit } from '@hearth/db'
import type { Actor } from '../../plugins/auth'
import { views } from './task-queries'

/** One click from a family's page: the practitioner's own words go straight to the queue. */
export async function requestTask(deps: Deps, ctx: Ctx, actor: Actor, familyId: string, request: string) {
  const { db } = deps
  const [lead] = await db
    .select({ teamId: allocations.teamId })
    .from(allocations)
    .where(
      and(
        eq(allocations.councilId, ctx.councilId),
        eq(allocations.familyId, familyId),
        isNull(allocations.endedAt),
        eq(allocations.role, 'lead'),
      ),
    )
  const teamId = lead?.teamId ?? actor.teams.find((t) => t.kind === 'family_facing')?.id ?? null
  const row = await db.transaction(async (tx) => {
    const id = await createTask(tx, {
      councilId: ctx.councilId,
      sourceKey: `ask:${randomUUID()}`,
      taskType: 'ask_enabler',
      teamId,
      familyId,
      requestedBy: actor.personId,
      details: request,
    })
    await writeAudit(tx, { ...ctx, action: 'task.ask', recordType: 'admin_task', recordId: id, familyId })
    const [r] = await tx
      .select()
      .from(adminTasks)
      .where(and(eq(adminTasks.councilId, ctx.councilId), eq(adminTasks.id, id!)))
    return r!
  })
  return (await views(db, ctx.councilId, [row]))[0]!
}
