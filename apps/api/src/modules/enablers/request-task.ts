import type { Deps } from '../../kernel/context'
import { randomUUID } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { createTask } from '@hearth/db/enablers'
import { adminTasks } from '@hearth/db/schema/enablers'
import { allocations } from '@hearth/db/schema/team-board'
import { views } from './task-queries'
import type { Caller } from '../../kernel/caller'

/** One click from a family's page: the practitioner's own words go straight to the queue. */
export async function requestTask(deps: Deps, caller: Caller, familyId: string, request: string) {
  const { db } = deps
  const [lead] = await db
    .select({ teamId: allocations.teamId })
    .from(allocations)
    .where(
      and(
        eq(allocations.councilId, caller.councilId),
        eq(allocations.familyId, familyId),
        isNull(allocations.endedAt),
        eq(allocations.role, 'lead'),
      ),
    )
  const teamId = lead?.teamId ?? caller.teams.find((t) => t.kind === 'family_facing')?.id ?? null
  const row = await db.transaction(async (tx) => {
    const id = await createTask(tx, {
      councilId: caller.councilId,
      sourceKey: `ask:${randomUUID()}`,
      taskType: 'ask_enabler',
      teamId,
      familyId,
      requestedBy: caller.personId,
      details: request,
    })
    await writeAudit(tx, { ...caller.audit, action: 'task.ask', recordType: 'admin_task', recordId: id, familyId })
    const [r] = await tx
      .select()
      .from(adminTasks)
      .where(and(eq(adminTasks.councilId, caller.councilId), eq(adminTasks.id, id!)))
    return r!
  })
  return (await views(db, caller.councilId, [row]))[0]!
}
