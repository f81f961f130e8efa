import { sql } from 'drizzle-orm'

import type { Deps } from '../../kernel/context'
import type { Caller } from '../../kernel/caller'

/** Referral decisions within one working day, over the last 30 days, for the whole council. */
export async function getReferralTimeliness(deps: Deps, caller: Caller) {
  const { db } = deps
  const { councilId } = caller.audit
  const [r] = (
    (await db.execute(sql`select
      count(*) filter (where decided_at is not null and decided_at < due_at)::int as on_time,
      count(*) filter (where decided_at is not null and decided_at >= due_at)::int as late,
      count(*) filter (where status = 'awaiting_decision' and due_at < now())::int as overdue_now
    from referrals where council_id = ${councilId} and received_at > now() - interval '30 days'`)) as unknown as {
      rows: { on_time: number; late: number; overdue_now: number }[]
    }
  ).rows
  return { onTime: r!.on_time, late: r!.late, overdueNow: r!.overdue_now }
}
