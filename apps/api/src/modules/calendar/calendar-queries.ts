import { and, eq } from 'drizzle-orm'
import { councilHolidays } from '@hearth/db/case-process'
import type { Executor } from '@hearth/db/client'
import { referrals } from '@hearth/db/schema/referrals'
import { REFERRAL_DECISION_WORKING_DAYS } from '@hearth/domain/referrals'
import { workingDayDeadline } from '@hearth/domain/working-days'

export { councilHolidays } from '@hearth/db/case-process'

/** Due dates are derived from the stored start event; when the calendar changes, derive them again. */
export async function recomputeReferralClocks(ex: Executor, councilId: string): Promise<number> {
  const holidays = await councilHolidays(ex, councilId)
  const open = await ex
    .select({ id: referrals.id, receivedAt: referrals.receivedAt })
    .from(referrals)
    .where(and(eq(referrals.councilId, councilId), eq(referrals.status, 'awaiting_decision')))
  for (const r of open) {
    const { dueDate, dueAt } = workingDayDeadline(r.receivedAt, REFERRAL_DECISION_WORKING_DAYS, holidays)
    await ex
      .update(referrals)
      .set({ dueDate, dueAt })
      .where(and(eq(referrals.councilId, councilId), eq(referrals.id, r.id)))
  }
  return open.length
}
