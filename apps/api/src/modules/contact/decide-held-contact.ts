import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { adminTasks } from '@hearth/db/schema/enablers'
import type { Deps } from '../../kernel/context'
import { AppError, notFound } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import { assertLead } from './contact-queries'
import { getFamilyContact } from './get-family-contact'
import type { Caller } from '../../kernel/caller'

/**
 * The lead decides about one held letter or invitation: send it (it joins the enablers' queue) or
 * not (it is cancelled). Either way a recorded decision, with the reason.
 */
export async function decideHeldContact(
  deps: Deps,
  caller: Caller,
  taskId: string,
  input: { send: boolean; reason: string },
) {
  const familyId = await deps.db.transaction(async (tx) => {
    const [t] = await tx
      .select()
      .from(adminTasks)
      .where(and(eq(adminTasks.councilId, caller.councilId), eq(adminTasks.id, taskId)))
      .for('update')
    if (!t?.familyId) throw notFound('task')
    await familyInScope(tx, caller.councilId, caller.familyScope, t.familyId)
    await assertLead(tx, caller.councilId, t.familyId, caller.audit.actorPersonId)
    if (t.status !== 'held') throw new AppError('conflict', 'This is not held: someone has already decided.')
    await tx
      .update(adminTasks)
      .set(
        input.send
          ? { status: 'open', holdDecision: `Send: ${input.reason}` }
          : {
              status: 'cancelled',
              holdDecision: `Do not send: ${input.reason}`,
              outcome: 'Not sent: the lead decided',
              completedAt: new Date(),
            },
      )
      .where(and(eq(adminTasks.councilId, caller.councilId), eq(adminTasks.id, taskId)))
    await writeAudit(tx, {
      ...caller.audit,
      action: input.send ? 'contact.release' : 'contact.withhold',
      recordType: 'admin_task',
      recordId: taskId,
      familyId: t.familyId,
    })
    return t.familyId
  })
  return getFamilyContact(deps, caller, familyId)
}
