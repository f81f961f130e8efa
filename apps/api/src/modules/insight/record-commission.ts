import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { directoryServices } from '@hearth/db/schema/directory'
import { families } from '@hearth/db/schema/families'
import { commissions } from '@hearth/db/schema/insight'
import { commissionRoute } from '@hearth/domain/insight'
import { conversationOf, totalPence } from '@hearth/domain/sign-off'
import { addCalendarDays } from '@hearth/domain/working-days'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { councilHolidays } from '../calendar/calendar-queries'
import { insertProposal, thresholds } from '../sign-off/proposal-queries'
import { views, weeksBetween } from './commission-queries'
import type { Caller } from '../../kernel/caller'

/** Provider, cost and dates: the proposal is written in the same transaction, routed by the threshold. */
export async function recordCommission(
  deps: Deps,
  caller: Caller,
  id: string,
  input: {
    providerName: string
    serviceId?: string | null
    weeklyPence: number
    startDate: string
    endDate: string
  },
) {
  const { db } = deps
  if (input.serviceId) {
    const [svc] = await db
      .select({ id: directoryServices.id })
      .from(directoryServices)
      .where(and(eq(directoryServices.councilId, caller.councilId), eq(directoryServices.id, input.serviceId)))
    if (!svc) throw invalid('body.serviceId', 'not a service in this council’s directory')
  }
  if (input.endDate > addCalendarDays(input.startDate, 5 * 365))
    throw invalid('body.endDate', 'a commission runs for five years at most')
  const t = await thresholds(db, caller.councilId)
  const holidays = await councilHolidays(db, caller.councilId)
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(commissions)
      .where(and(eq(commissions.councilId, caller.councilId), eq(commissions.id, id)))
      .for('update')
    if (!r) throw notFound('commission')
    if (r.status === 'commissioned') throw new AppError('conflict', 'This service has already been commissioned.')
    if (r.status !== 'taken')
      throw new AppError(
        'conflict',
        r.status === 'withdrawn' ? 'The team withdrew this request.' : 'Take the request first.',
      )
    if (r.takenBy !== caller.personId)
      throw new AppError('forbidden', 'Only the adviser who took this request records the commission.')
    const [family] = await tx
      .select({ name: families.name, stage: families.conversationStage })
      .from(families)
      .where(and(eq(families.councilId, r.councilId), eq(families.id, r.familyId)))
    const weeks = weeksBetween(input.startDate, input.endDate)
    const total = totalPence(input.weeklyPence, weeks)
    const proposal = await insertProposal(tx, caller, {
      teamId: r.teamId,
      familyId: r.familyId,
      proposedBy: r.askedBy,
      commissionId: r.id,
      stage: conversationOf(family!.stage),
      route: commissionRoute(total, t),
      thresholds: t,
      holidays,
      input: {
        what: `${r.need} (commissioned from ${input.providerName}, ${input.startDate} to ${input.endDate})`.slice(
          0,
          300,
        ),
        forWhom: family!.name,
        why: r.why,
        weeklyPence: input.weeklyPence,
        weeks,
        alternatives: 'Nothing in the service directory fits, so the team asked the insight team to commission it.',
        familyView: r.familyView,
        serviceId: input.serviceId ?? null,
      },
    })
    const [u] = await tx
      .update(commissions)
      .set({
        status: 'commissioned',
        providerName: input.providerName,
        serviceId: input.serviceId ?? null,
        weeklyPence: input.weeklyPence,
        startDate: input.startDate,
        endDate: input.endDate,
        commissionedAt: new Date(),
        proposalId: proposal.id,
      })
      .where(and(eq(commissions.councilId, caller.councilId), eq(commissions.id, id)))
      .returning()
    await writeAudit(tx, {
      ...caller.audit,
      action: 'commission.record',
      recordType: 'commission',
      recordId: id,
      familyId: r.familyId,
      details: { proposalId: proposal.id, totalPence: total },
    })
    return u!
  })
  return (await views(db, caller.councilId, [row]))[0]!
}
