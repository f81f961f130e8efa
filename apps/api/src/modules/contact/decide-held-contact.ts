import { and, eq } from 'drizzle-orm'
import { adminTasks, writeAudit } from '@hearth/db'
import type { Ctx, Deps } from '../../kernel/context'
import { AppError, notFound } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { familyInScope } from '../families/family-queries'
import { assertLead } from './contact-queries'
import { getFamilyContact } from './get-family-contact'

/**
 * The lead decides about one held letter or invitation: send it (it joins the enablers' queue) or
 * not (it is cancelled). Either way a recorded decision, with the reason.
 */
export async function decideHeldContact(
  deps: Deps,
  ctx: Ctx,
  actor: Actor,
  taskId: string,
  input: { send: boolean; reason: string },
) {
  const familyId = await deps.db.transaction(async (tx) => {
    const [t] = await tx
      .select()
      .from(adminTasks)
      .where(and(eq(adminTasks.councilId, ctx.councilId), eq(adminTasks.id, taskId)))
      .for('update')
    if (!t?.familyId) throw notFound('task')
    await familyInScope(tx, ctx.councilId, actor.familyScope, t.familyId)
    await assertLead(tx, ctx.councilId, t.familyId, ctx.actorPersonId)
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
      .where(and(eq(adminTasks.councilId, ctx.councilId), eq(adminTasks.id, taskId)))
    await writeAudit(tx, {
      ...ctx,
      action: input.send ? 'contact.release' : 'contact.withhold',
      recordType: 'admin_task',
      recordId: taskId,
      familyId: t.familyId,
    })
    return t.familyId
  })
  return getFamilyContact(deps, ctx, familyId)
}
