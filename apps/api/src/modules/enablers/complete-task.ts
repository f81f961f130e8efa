import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { familyLetters } from '@hearth/db/schema/contact'
import { adminTasks } from '@hearth/db/schema/enablers'
import { AppError } from '../../kernel/errors'
import { letterBeforeProceedingsSent } from '../case-process/letter-before-proceedings'
import { keptOrFreshLetter } from './render-task-letter'
import { load, views } from './task-queries'
import type { Caller } from '../../kernel/caller'

/** Done, by the enabler holding it, with what was done; a letter is kept as sent. */
export async function completeTask(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { outcome: string; reference?: string | null },
) {
  const { db } = deps
  const t = await load(db, caller.councilId, id)
  if (
    t.status !== 'claimed' ||
    t.claimedBy !== caller.audit.actorPersonId ||
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
  const artefact = await keptOrFreshLetter(db, caller.councilId, t)
  const done = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(adminTasks)
      .set({
        status: 'done',
        completedBy: caller.audit.actorPersonId,
        completedAt: new Date(),
        outcome: input.outcome,
        reference: input.reference ?? null,
        artefact,
      })
      .where(
        and(
          eq(adminTasks.councilId, caller.councilId),
          eq(adminTasks.id, id),
          eq(adminTasks.status, 'claimed'),
          eq(adminTasks.claimedBy, caller.audit.actorPersonId!),
        ),
      )
      .returning()
    if (!row) throw new AppError('conflict', 'This task changed meanwhile. Reload and try again.')
    if (t.taskType === 'workers_letter' && t.sourceKey.startsWith('letter:')) {
      await tx
        .update(familyLetters)
        .set({ status: 'sent' })
        .where(
          and(eq(familyLetters.councilId, caller.councilId), eq(familyLetters.id, t.sourceKey.slice('letter:'.length))),
        )
    }
    if (t.taskType === 'letter_before_proceedings' && t.sourceKey.startsWith('lbp:'))
      await letterBeforeProceedingsSent(
        tx,
        caller.councilId,
        t.sourceKey.slice('lbp:'.length),
        caller.audit.actorPersonId!,
      )
    await writeAudit(tx, {
      ...caller.audit,
      action: 'task.complete',
      recordType: 'admin_task',
      recordId: id,
      familyId: t.familyId,
      details: { letter: !!artefact },
    })
    return row
  })
  return { task: (await views(db, caller.councilId, [done]))[0]!, teamId: done.teamId }
}
