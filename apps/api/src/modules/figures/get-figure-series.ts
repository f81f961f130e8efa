import { num, numOrNull, rowsOf, type Row } from './figure-queries'
import { sql } from 'drizzle-orm'
import { CONTACT_SHARE_BEFORE, CONTACT_SHARE_TARGET } from '@hearth/domain/contact-time'
import { recentWeeks, weekBounds } from '@hearth/domain/insight'
import { SHORT_NOTICE_HOURS } from '@hearth/domain/recording'
import { contactWeeks, sumWeeks, teamPractitioners } from '../contact-time/contact-time-queries'

import type { Deps } from '../../kernel/context'
import type { Caller } from '../../kernel/caller'

/**
 * Week by week (Monday to Sunday, England's time), per family-facing team. "Held" and
 * "waiting" are counted at the end of each week (or now, for this week); the rest by what
 * happened during the week:
 * - referral decisions: referrals that reached the team, decided that week; on time if decided
 *   before the end of the one-working-day clock (which already skips weekends and bank holidays);
 * - admin tasks: made that week for the team; done that week, with the median hours from made to done;
 * - consultations: the team's requests taken that week, with the median hours they waited;
 * - direct-contact time: the minutes the team's practitioners (today's) recorded with families
 *   that week, over the minutes they worked (patterns, less bank holidays and leave); and the
 *   same for every practitioner of the teams together (the council's, when no team is asked for).
 * Capacity is today's (caps are not kept as history).
 */
/**
 * The average of "how are things going" (1 very bad to 5 very good) to one place, shown only
 * when at least 3 families said it that week: one or two answers would be theirs.
 */
export const FEEDBACK_MIN_ANSWERS = 3
const feedbackAverage = (n: number, avg: number | null) =>
  n >= FEEDBACK_MIN_ANSWERS && avg !== null ? Math.round(avg * 10) / 10 : null

export async function getFigureSeries(
  deps: Deps,
  caller: Caller,
  weekCount: number,
  teamId?: string,
  now = new Date(),
) {
  const { db } = deps
  const { councilId } = caller.audit
  const mondays = recentWeeks(now, weekCount)
  const weeks = sql.join(
    mondays.map((m) => {
      const b = weekBounds(m)
      const end = b.to.getTime() > now.getTime() ? now : b.to
      return sql`(${m}::date, ${b.from.toISOString()}::timestamptz, ${b.to.toISOString()}::timestamptz, ${end.toISOString()}::timestamptz)`
    }),
    sql`, `,
  )
  const c = councilId
  const first = weekBounds(mondays[0]!).from.toISOString()
  // Each figure is one grouped pass over its table joined to the weeks, then joined to teams × weeks.
  const rows = rowsOf(
    await db.execute(sql`
    with w(monday, ws, we, at) as (values ${weeks}),
    ff as (select t.id, t.name, t.caseload_cap from teams t where t.council_id = ${c} and t.kind = 'family_facing' ${teamId ? sql`and t.id = ${teamId}` : sql``}),
    members as (
      select m.team_id, count(*)::int as practitioners, sum(coalesce(m.caseload_cap, ff.caseload_cap))::int as capacity
      from memberships m join ff on ff.id = m.team_id join people p on p.id = m.person_id and p.council_id = m.council_id
      where m.council_id = ${c} and p.active and 'practitioner' = any(p.roles) group by m.team_id
    ),
    held_families as (
      select a.team_id, a.family_id, w.monday, w.at from allocations a join ff on ff.id = a.team_id
      join w on a.started_at < w.at and (a.ended_at is null or a.ended_at >= w.at)
      where a.council_id = ${c} and a.role = 'lead'
    ),
    held as (select team_id, monday, count(*) as families from held_families group by team_id, monday),
    held_children as (
      select h.team_id, h.monday, count(*) as children from held_families h
      join children ch on ch.council_id = ${c} and ch.family_id = h.family_id and ch.created_at < h.at
      group by h.team_id, h.monday
    ),
    waiting as (
      select o.team_id, w.monday, count(*) as families, max(extract(epoch from w.at - o.offered_at)) / 3600 as longest_hours
      from offers o join ff on ff.id = o.team_id join w on o.offered_at < w.at and (o.held_at is null or o.held_at >= w.at)
      where o.council_id = ${c} and o.status <> 'withdrawn' group by o.team_id, w.monday
    ),
    decided as (
      select r.routed_team_id as team_id, w.monday, count(*) as n, count(*) filter (where r.decided_at < r.due_at) as on_time
      from referrals r join ff on ff.id = r.routed_team_id join w on r.decided_at >= w.ws and r.decided_at < w.we
      where r.council_id = ${c} and r.decided_at >= ${first}::timestamptz group by r.routed_team_id, w.monday
    ),
    tasks_made as (
      select t.team_id, w.monday, count(*) as n from admin_tasks t join ff on ff.id = t.team_id join w on t.created_at >= w.ws and t.created_at < w.we
      where t.council_id = ${c} and t.created_at >= ${first}::timestamptz group by t.team_id, w.monday
    ),
    tasks_done as (
      select t.team_id, w.monday, count(*) as n, percentile_cont(0.5) within group (order by extract(epoch from t.completed_at - t.created_at) / 3600) as median_hours
      from admin_tasks t join ff on ff.id = t.team_id join w on t.completed_at >= w.ws and t.completed_at < w.we
      where t.council_id = ${c} and t.status = 'done' and t.completed_at >= ${first}::timestamptz group by t.team_id, w.monday
    ),
    asked as (
      select q.team_id, w.monday, count(*) as n from insight_requests q join ff on ff.id = q.team_id join w on q.asked_at >= w.ws and q.asked_at < w.we
      where q.council_id = ${c} and q.kind = 'consultation' and q.asked_at >= ${first}::timestamptz group by q.team_id, w.monday
    ),
    appts as (
      select n.team_id, w.monday, count(*) as n,
        count(*) filter (where n.appointment = 'on_time') as on_time,
        count(*) filter (where n.appointment = 'rearranged' and n.notice_hours < ${SHORT_NOTICE_HOURS}) as short_notice,
        count(*) filter (where n.appointment = 'missed') as missed
      from notes n join ff on ff.id = n.team_id join w on n.happened_at >= w.ws and n.happened_at < w.we
      where n.council_id = ${c} and n.status = 'final' and n.visit_id is not null and n.appointment <> 'unplanned'
        and n.happened_at >= ${first}::timestamptz
      group by n.team_id, w.monday
    ),
    said as (
      select m.team_id, w.monday, count(*) as n, avg(m.scale) as avg_scale
      from family_messages m join ff on ff.id = m.team_id join w on m.created_at >= w.ws and m.created_at < w.we
      where m.council_id = ${c} and m.kind = 'how_going' and m.created_at >= ${first}::timestamptz
      group by m.team_id, w.monday
    ),
    taken as (
      select q.team_id, w.monday, percentile_cont(0.5) within group (order by extract(epoch from q.taken_at - q.asked_at) / 3600) as median_hours
      from insight_requests q join ff on ff.id = q.team_id join w on q.taken_at >= w.ws and q.taken_at < w.we
      where q.council_id = ${c} and q.kind = 'consultation' and q.taken_at >= ${first}::timestamptz group by q.team_id, w.monday
    )
    select ff.id, ff.name, w.monday::text as monday, coalesce(members.practitioners, 0) as practitioners, coalesce(members.capacity, 0) as capacity,
      coalesce(held.families, 0) as families_held, coalesce(held_children.children, 0) as children_held,
      coalesce(waiting.families, 0) as families_waiting, coalesce(waiting.longest_hours, 0) as longest_wait_hours,
      coalesce(decided.n, 0) as referrals_decided, coalesce(decided.on_time, 0) as referrals_on_time,
      coalesce(tasks_made.n, 0) as tasks_created, coalesce(tasks_done.n, 0) as tasks_done, tasks_done.median_hours as tasks_median_hours,
      coalesce(asked.n, 0) as consultations_asked, taken.median_hours as consultation_median_hours,
      coalesce(appts.n, 0) as appts, coalesce(appts.on_time, 0) as appts_on_time,
      coalesce(appts.short_notice, 0) as appts_short_notice, coalesce(appts.missed, 0) as appts_missed,
      coalesce(said.n, 0) as said_n, said.avg_scale as said_avg
    from ff cross join w
      left join members on members.team_id = ff.id
      left join held on held.team_id = ff.id and held.monday = w.monday
      left join held_children on held_children.team_id = ff.id and held_children.monday = w.monday
      left join waiting on waiting.team_id = ff.id and waiting.monday = w.monday
      left join decided on decided.team_id = ff.id and decided.monday = w.monday
      left join tasks_made on tasks_made.team_id = ff.id and tasks_made.monday = w.monday
      left join tasks_done on tasks_done.team_id = ff.id and tasks_done.monday = w.monday
      left join asked on asked.team_id = ff.id and asked.monday = w.monday
      left join taken on taken.team_id = ff.id and taken.monday = w.monday
      left join appts on appts.team_id = ff.id and appts.monday = w.monday
      left join said on said.team_id = ff.id and said.monday = w.monday
    order by ff.name, w.monday`),
  )
  const teams = new Map<
    string,
    { teamId: string; teamName: string; practitioners: number; weeks: ReturnType<typeof toWeek>[] }
  >()
  function toWeek(r: Row) {
    return {
      weekStart: String(r.monday),
      childrenHeld: num(r.children_held),
      familiesHeld: num(r.families_held),
      capacityChildren: num(r.capacity),
      familiesWaiting: num(r.families_waiting),
      longestWaitHours: Math.floor(num(r.longest_wait_hours)),
      referralsDecided: num(r.referrals_decided),
      referralsDecidedInOneWorkingDay: num(r.referrals_on_time),
      adminTasksCreated: num(r.tasks_created),
      adminTasksDone: num(r.tasks_done),
      medianAdminHoursToComplete: numOrNull(r.tasks_median_hours),
      consultationsAsked: num(r.consultations_asked),
      medianConsultationWaitHours: numOrNull(r.consultation_median_hours),
      appointments: num(r.appts),
      appointmentsOnTime: num(r.appts_on_time),
      appointmentsShortNotice: num(r.appts_short_notice),
      appointmentsMissed: num(r.appts_missed),
      familyFeedback: num(r.said_n),
      familyFeedbackAverage: feedbackAverage(num(r.said_n), numOrNull(r.said_avg)),
      /** The team's share of the working week with families (set below, from notes and hours). */
      contactShare: null as number | null,
    }
  }
  for (const r of rows) {
    const id = String(r.id)
    if (!teams.has(id))
      teams.set(id, { teamId: id, teamName: String(r.name), practitioners: num(r.practitioners), weeks: [] })
    teams.get(id)!.weeks.push(toWeek(r))
  }
  // The front door (the referral team): every decision, routed or not, by the week it was made.
  const door = rowsOf(
    await db.execute(sql`
    with w(monday, ws, we, at) as (values ${weeks})
    select w.monday::text as monday,
      (select count(*) from referrals r where r.council_id = ${c} and r.received_at >= w.ws and r.received_at < w.we) as received,
      (select count(*) from referrals r where r.council_id = ${c} and r.decided_at >= w.ws and r.decided_at < w.we) as decided,
      (select count(*) from referrals r where r.council_id = ${c} and r.decided_at >= w.ws and r.decided_at < w.we and r.decided_at < r.due_at) as on_time
    from w order by w.monday`),
  )
  const frontDoor = door.map((r) => ({
    weekStart: String(r.monday),
    received: num(r.received),
    decided: num(r.decided),
    decidedInOneWorkingDay: num(r.on_time),
  }))
  // Direct-contact time: each team's practitioners (now) together, and the council's, never one person's.
  const members = await teamPractitioners(db, c, [...teams.keys()])
  const everyone = [...new Set([...members.values()].flat().map((m) => m.personId))]
  const contact = await contactWeeks(db, c, everyone, weekCount, now)
  const rounded = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 1000)
  for (const t of teams.values()) {
    const summed = sumWeeks(
      mondays,
      (members.get(t.teamId) ?? []).map((m) => contact.byPerson.get(m.personId)!),
    )
    t.weeks.forEach((w, i) => {
      w.contactShare = rounded(summed[i]!.share)
    })
  }
  const council = teamId
    ? []
    : sumWeeks(
        mondays,
        everyone.map((id) => contact.byPerson.get(id)!),
      ).map((w) => ({ weekStart: w.weekStart, contactShare: rounded(w.share) }))
  // How families say things are going: every team's together, week by week.
  const feedback = mondays.map((m) => {
    const rowsOfWeek = rows.filter((r) => String(r.monday) === m)
    const n = rowsOfWeek.reduce((sum, r) => sum + num(r.said_n), 0)
    const total = rowsOfWeek.reduce((sum, r) => sum + num(r.said_n) * (numOrNull(r.said_avg) ?? 0), 0)
    return { weekStart: m, said: n, average: feedbackAverage(n, n ? total / n : null) }
  })
  // Time that respects families: every team's booked appointments together, week by week.
  const appointments = mondays.map((m, i) => {
    const sum = (k: 'appointments' | 'appointmentsOnTime' | 'appointmentsShortNotice' | 'appointmentsMissed') =>
      [...teams.values()].reduce((s, t) => s + (t.weeks[i]?.[k] ?? 0), 0)
    return {
      weekStart: m,
      appointments: sum('appointments'),
      onTime: sum('appointmentsOnTime'),
      shortNotice: sum('appointmentsShortNotice'),
      missed: sum('appointmentsMissed'),
    }
  })
  return {
    generatedAt: now.toISOString(),
    appointments: teamId ? [] : appointments,
    feedback: teamId ? [] : feedback,
    weeks: mondays,
    teams: [...teams.values()],
    frontDoor,
    contactTime: {
      before: CONTACT_SHARE_BEFORE,
      target: CONTACT_SHARE_TARGET,
      /** Practitioners in the family-facing teams shown (each once). */
      practitioners: everyone.length,
      council,
    },
  }
}
