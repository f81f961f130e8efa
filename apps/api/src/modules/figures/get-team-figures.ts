import { sql } from 'drizzle-orm'
import { clockSettings } from '@hearth/db/case-process'
import { assessmentClock } from '@hearth/domain/assessments'
import { addWorkingDays, londonDateOf } from '@hearth/domain/working-days'
import { councilHolidays } from '../calendar/calendar-queries'
import { appointmentCounts } from '../contact-time/contact-time-queries'

import type { Deps } from '../../kernel/context'
import type { Caller } from '../../kernel/caller'

export async function getTeamFigures(deps: Deps, caller: Caller, teamId?: string) {
  const { db } = deps
  const { councilId } = caller.audit
  const rows = (
    (await db.execute(sql`
    with ff as (
      select t.id, t.name, t.caseload_cap from teams t where t.council_id = ${councilId} and t.kind = 'family_facing' ${teamId ? sql`and t.id = ${teamId}` : sql``}
    ), members as (
      select m.team_id, count(*)::int as practitioners, sum(coalesce(m.caseload_cap, ff.caseload_cap))::int as capacity
      from memberships m join ff on ff.id = m.team_id join people p on p.id = m.person_id and p.council_id = m.council_id
      where m.council_id = ${councilId} and p.active and 'practitioner' = any(p.roles) group by m.team_id
    ), held as (
      select a.team_id, count(*)::int as families, coalesce(sum(fc.n), 0)::int as children
      from allocations a join ff on ff.id = a.team_id
      join lateral (select count(*)::int as n from children c where c.council_id = a.council_id and c.family_id = a.family_id) fc on true
      where a.council_id = ${councilId} and a.role = 'lead' and a.ended_at is null group by a.team_id
    ), waiting as (
      select o.team_id, count(*)::int as families, coalesce(max(extract(epoch from now() - o.offered_at) / 60), 0)::int as oldest_minutes
      from offers o join ff on ff.id = o.team_id where o.council_id = ${councilId} and o.status = 'waiting' group by o.team_id
    ), tasks as (
      select t.team_id, count(*) filter (where t.status in ('open', 'claimed') and t.due_at < now())::int as overdue,
             coalesce(sum(t.minutes_saved) filter (where t.status = 'done' and t.completed_at > now() - interval '7 days'), 0)::int as minutes_saved_week
      from admin_tasks t join ff on ff.id = t.team_id where t.council_id = ${councilId} group by t.team_id
    ), spend as (
      select p.team_id, coalesce(sum(p.total_pence) filter (where p.status in ('approved', 'team_decided')), 0)::bigint as committed,
             count(*) filter (where p.status = 'awaiting_strategy')::int as awaiting
      from proposals p join ff on ff.id = p.team_id where p.council_id = ${councilId} group by p.team_id
    )
    select ff.id, ff.name, coalesce(members.practitioners, 0) as practitioners, coalesce(members.capacity, 0) as capacity,
           coalesce(held.families, 0) as families_held, coalesce(held.children, 0) as children_held,
           coalesce(waiting.families, 0) as families_waiting, coalesce(waiting.oldest_minutes, 0) as oldest_wait_minutes,
           coalesce(tasks.overdue, 0) as admin_overdue, coalesce(tasks.minutes_saved_week, 0) as minutes_saved_week,
           coalesce(spend.committed, 0) as committed_pence, coalesce(spend.awaiting, 0) as proposals_awaiting
    from ff left join members on members.team_id = ff.id left join held on held.team_id = ff.id left join waiting on waiting.team_id = ff.id
      left join tasks on tasks.team_id = ff.id left join spend on spend.team_id = ff.id
    order by ff.name`)) as unknown as { rows: Record<string, number | string>[] }
  ).rows
  // open assessments of the families each team holds, and how many are past their 45 working days
  const open = (await db.execute(sql`
    select a.referral_date::text as referral_date, al.team_id
    from assessments a join allocations al on al.council_id = a.council_id and al.family_id = a.family_id
      and al.role = 'lead' and al.ended_at is null
    where a.council_id = ${councilId} and a.authorised_on is null ${teamId ? sql`and al.team_id = ${teamId}` : sql``}
  `)) as unknown as { rows: { referral_date: string; team_id: string }[] }
  const holidays = await councilHolidays(db, councilId)
  const now = new Date()
  const assessed = new Map<string, { open: number; overdue: number }>()
  for (const a of open.rows) {
    const c = assessed.get(a.team_id) ?? { open: 0, overdue: 0 }
    c.open++
    if (assessmentClock({ referralDate: a.referral_date, authorisedOn: null }, now, holidays).state === 'overdue')
      c.overdue++
    assessed.set(a.team_id, c)
  }
  // every statutory clock of the families each team holds: overdue, and due within the council's warning
  const { warningDays } = await clockSettings(db, councilId)
  const today = londonDateOf(now)
  const horizon = addWorkingDays(today, warningDays, holidays)
  const due = (await db.execute(sql`
    select al.team_id, count(*) filter (where d.due_on < ${today}::date)::int as overdue,
      count(*) filter (where d.due_on >= ${today}::date and d.due_on <= ${horizon}::date)::int as soon
    from clock_dues d join allocations al on al.council_id = d.council_id and al.family_id = d.family_id
      and al.role = 'lead' and al.ended_at is null
    where d.council_id = ${councilId} and d.child_id is not null ${teamId ? sql`and al.team_id = ${teamId}` : sql``}
    group by al.team_id
  `)) as unknown as { rows: { team_id: string; overdue: number; soon: number }[] }
  const dueBy = new Map(due.rows.map((d) => [d.team_id, d]))
  // the last four weeks' booked visits and meetings: kept on time, at short notice, missed
  const appts = await appointmentCounts(
    db,
    councilId,
    rows.map((r) => String(r.id)),
    new Date(now.getTime() - 28 * 86_400_000),
    now,
  )
  const apptsOf = (teamId: string, k: 'appointments' | 'onTime' | 'shortNotice' | 'missed') =>
    appts.filter((a) => a.teamId === teamId).reduce((s, a) => s + a[k], 0)
  return rows.map((r) => ({
    appointmentsLast4Weeks: apptsOf(String(r.id), 'appointments'),
    appointmentsOnTimeLast4Weeks: apptsOf(String(r.id), 'onTime'),
    appointmentsShortNoticeLast4Weeks: apptsOf(String(r.id), 'shortNotice'),
    appointmentsMissedLast4Weeks: apptsOf(String(r.id), 'missed'),
    clocksOverdue: Number(dueBy.get(String(r.id))?.overdue ?? 0),
    clocksDueSoon: Number(dueBy.get(String(r.id))?.soon ?? 0),
    assessmentsOpen: assessed.get(String(r.id))?.open ?? 0,
    assessmentsOverdue: assessed.get(String(r.id))?.overdue ?? 0,
    teamId: String(r.id),
    teamName: String(r.name),
    practitioners: Number(r.practitioners),
    capacityChildren: Number(r.capacity),
    familiesHeld: Number(r.families_held),
    childrenHeld: Number(r.children_held),
    familiesWaiting: Number(r.families_waiting),
    oldestWaitMinutes: Number(r.oldest_wait_minutes),
    adminTasksOverdue: Number(r.admin_overdue),
    minutesSavedThisWeek: Number(r.minutes_saved_week),
    committedPence: Number(r.committed_pence),
    proposalsAwaiting: Number(r.proposals_awaiting),
  }))
}
