import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { proposals } from '@hearth/db/schema/sign-off'
import { workingDayDeadline } from '@hearth/domain/working-days'
import { AppError, notFound } from '../../kernel/errors'
import { councilHolidays } from '../calendar/calendar-queries'
import { load, thresholds, views } from './proposal-queries'
import type { Caller } from '../../kernel/caller'

export async function resubmitProposal(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { why: string; familyView?: string; alternatives?: string },
) {
  const { db } = deps
  const p = await load(db, caller.councilId, id)
  if (!caller.teams.some((t) => t.id === p.teamId)) throw notFound('proposal')
  if (p.status !== 'more_info')
    throw new AppError('conflict', 'Only a proposal the strategy team asked about can be sent again.')
  const t = await thresholds(db, caller.councilId)
  const deadline = workingDayDeadline(new Date(), t.decisionWorkingDays, await councilHolidays(db, caller.councilId))
  const [row] = await db.transaction(async (tx) => {
    const r = await tx
      .update(proposals)
      .set({
        status: 'awaiting_strategy',
        why: input.why,
        familyView: input.familyView ?? p.familyView,
        alternatives: input.alternatives ?? p.alternatives,
        decisionDueDate: deadline.dueDate,
        decisionDueAt: deadline.dueAt,
      })
      .where(and(eq(proposals.councilId, caller.councilId), eq(proposals.id, id), eq(proposals.status, 'more_info')))
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'proposal.resubmit',
      recordType: 'proposal',
      recordId: id,
      familyId: p.familyId,
    })
    return r
  })
  return (await views(db, caller.councilId, [row!]))[0]!
}
