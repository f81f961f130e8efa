import type { Ctx, Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { adminTasks, familyLetters, writeAudit } from '@hearth/db'
import { AppError } from '../../kernel/errors'
import { letterBeforeProceedingsSent } from '../case-process/case-process'
import { keptOrFreshLetter } from './render-task-letter'
import { load, views } from './task-queries'

/** Done, by the enabler holding it, with what was done; a letter is kept as sent. */
export async function completeTask(
  deps: Deps,
  ctx: Ctx,
  id: string,
  input: { outcome: string; reference?: string | null },
) {
  const { db } = deps
  const t = await load(db, ctx.councilId, id)
  if (
    t.status !== 'claimed' ||
    t.claimedBy !== ctx.actorPersonId ||
    !t.claimExpiresAt ||
    t.claimExpiresAt < new Date()
  ) {
    throw new AppError(
      'conflict',
      t.status === 'done'
        ? 'This task is already done.'
        : 'Take the task first: only the enabler doing it can mark it done.',
    )
  }
  // the letter is kept as sent (made again if the address has become confidential); the family
  // link's letter is never kept: it holds the link's address
  const artefact = await keptOrFreshLetter(db, ctx.councilId, t)
  const done = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(adminTasks)
      .set({
        status: 'done',
        completedBy: ctx.actorPersonId,
        completedAt: new Date(),
        outcome: input.outcome,
        reference: input.reference ?? null,
        artefact,
      })
      .where(
        and(
          eq(adminTasks.councilId, ctx.councilId),
          eq(adminTasks.id, id),
          eq(adminTasks.status, 'claimed'),
          eq(adminTasks.claimedBy, ctx.actorPersonId!),
        ),
      )
      .returning()
    if (!row) throw new AppError('conflict', 'This task changed meanwhile. Reload and try again.')
    if (t.taskType === 'workers_letter' && t.sourceKey.startsWith('letter:')) {
      await tx
        .update(familyLetters)
        .set({ status: 'sent' })
        .where(
          and(eq(familyLetters.councilId, ctx.councilId), eq(familyLetters.id, t.sourceKey.slice('letter:'.length))),
        )
    }
    if (t.taskType === 'letter_before_proceedings' && t.sourceKey.startsWith('lbp:'))
      await letterBeforeProceedingsSent(tx, ctx.councilId, t.sourceKey.slice('lbp:'.length), ctx.actorPersonId!)
    await writeAudit(tx, {
      ...ctx,
      action: 'task.complete',
      recordType: 'admin_task',
      recordId: id,
      familyId: t.familyId,
      details: { letter: !!artefact },
    })
    return row
  })
  return { task: (await views(db, ctx.councilId, [done]))[0]!, teamId: done.teamId }
}
