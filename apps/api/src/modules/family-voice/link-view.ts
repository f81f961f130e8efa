import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import { contactHolds } from '@hearth/db/schema/contact'
import { directoryServices } from '@hearth/db/schema/directory'
import { adults, children, families } from '@hearth/db/schema/families'
import { familyMeetings, familyLinks, familyMessages } from '@hearth/db/schema/family-voice'
import { leaveDays, people, teams } from '@hearth/db/schema/organisation'
import { planChanges, planItems, type PlanSnapshot } from '@hearth/db/schema/plan'
import { notes } from '@hearth/db/schema/recording'
import { allocations, dutyRota } from '@hearth/db/schema/team-board'
import { visitChanges, visits } from '@hearth/db/schema/visits'
import { placeGivesAway } from '@hearth/domain/confidential-address'
import type { LinkLanguage } from '@hearth/domain/family-voice'
import { londonDateOf } from '@hearth/domain/working-days'
import type { FamilyLinkView } from '@hearth/contracts/family-voice'
import { notFound } from '../../kernel/errors'

const MEETING_KINDS = ['family_group_conference', 'child_protection_conference', 'core_group', 'review']
const KEPT = new Set(['on_time', 'late', 'rearranged', 'missed'])

/**
 * Exactly what the family sees through their link, built for the family and for the lead's
 * preview alike: their workers (and who covers today), their visits (upcoming, and past ones
 * marked kept, late, rearranged or missed), their plan, the last meeting, and what they said.
 * Nothing else: no notes, no chronology, no other household, and of what the family said only
 * this holder's own words (through any link issued to them) and the answers to them: a young
 * person's worry never reaches their parent's page, nor a parent's complaint the young person's. While contact is held (and the
 * lead has not decided otherwise), nothing that happened after the first open hold began is
 * shown; a decision by the lead made after every open hold began lets it show what is new.
 */
export async function familyLinkView(
  db: Db,
  councilId: string,
  familyId: string,
  holder: { adultId: string | null; childId: string | null; language: LinkLanguage; holdDecisionAt: Date | null },
  now = new Date(),
): Promise<FamilyLinkView> {
  const c = councilId
  const f = familyId
  const today = londonDateOf(now)
  const decided = holder.holdDecisionAt?.toISOString() ?? null
  // One statement (the family's page is opened often, from phones): the cut (when held contact
  // stops the view), then each part as JSON, every table named with its council.
  const result = await db.execute(sql`
    with h as (
      select min(ch.started_at) as first, max(ch.started_at) as last, count(*) as n from ${contactHolds} ch
      where ch.council_id = ${c} and ch.family_id = ${f} and ch.ended_at is null
    ),
    cut as (
      select case when h.n = 0 or (${decided}::timestamptz is not null and ${decided}::timestamptz >= h.last)
        then ${now.toISOString()}::timestamptz else h.first end as at,
        not (h.n = 0 or (${decided}::timestamptz is not null and ${decided}::timestamptz >= h.last)) as held
      from h
    ),
    w as (
      select a.person_id, a.role, a.team_id, p.name, p.email,
        exists (select 1 from ${leaveDays} ld where ld.council_id = ${c} and ld.person_id = a.person_id
                and ld.day = ${today}::date) as away
      from ${allocations} a join ${people} p on p.council_id = a.council_id and p.id = a.person_id
      where a.council_id = ${c} and a.family_id = ${f} and a.started_at < (select at from cut)
        and (a.ended_at is null or a.ended_at >= (select at from cut))
    ),
    v as (
      select vv.id, vv.kind,
        coalesce((b.before->>'startsAt')::timestamptz, vv.starts_at) as starts_at,
        coalesce((b.before->>'durationMinutes')::int, vv.duration_minutes) as duration_minutes,
        coalesce(b.before->>'place', vv.place) as place,
        coalesce(b.before->>'status', vv.status) as status,
        case when b.before is null then vv.last_change_reason else b.before->>'lastChangeReason' end
          as last_change_reason,
        k.appointment, k.late_minutes, k.changed_by
      from ${visits} vv
      -- held: the visit as it stood when the first open hold began (its first change since, undone)
      left join lateral (
        select vc.before from ${visitChanges} vc
        where vc.council_id = ${c} and vc.visit_id = vv.id and (select held from cut)
          and vc.changed_at >= (select at from cut)
        order by vc.changed_at limit 1
      ) b on true
      left join lateral (
        select n.appointment, n.late_minutes, n.changed_by from ${notes} n
        where n.council_id = ${c} and n.visit_id = vv.id and n.status = 'final' and n.created_at < (select at from cut)
        order by n.created_at desc limit 1
      ) k on true
      where vv.council_id = ${c} and vv.family_id = ${f} and vv.created_at < (select at from cut)
    ),
    pl as (
      select pi.id, pi.created_at, coalesce(b.before, jsonb_build_object('what', pi.what, 'whoKind', pi.who_kind,
        'whoId', pi.who_id, 'whoName', pi.who_name, 'byDate', pi.by_date, 'status', pi.status)) as s
      from ${planItems} pi
      left join lateral (
        select pc.before from ${planChanges} pc
        where pc.council_id = ${c} and pc.item_id = pi.id and (select held from cut) and pc.changed_at >= (select at from cut)
        order by pc.changed_at limit 1
      ) b on true
      where pi.council_id = ${c} and pi.family_id = ${f} and pi.created_at < (select at from cut)
    )
    select
      (select at from cut) as cut_at,
      (select json_agg(json_build_object('personId', w.person_id, 'role', w.role, 'teamId', w.team_id,
         'name', w.name, 'email', w.email, 'away', w.away) order by w.role desc, w.name) from w) as workers,
      (select json_build_object('name', t.name, 'phone', t.phone) from ${teams} t
         where t.council_id = ${c} and t.id = (select w.team_id from w limit 1)) as team,
      (select p.name from ${dutyRota} d join ${people} p on p.council_id = d.council_id and p.id = d.person_id
         where d.council_id = ${c} and d.team_id = (select w.team_id from w limit 1) and d.day = ${today}::date) as duty,
      (select json_agg(json_build_object('id', v.id, 'kind', v.kind, 'startsAt', v.starts_at,
         'durationMinutes', v.duration_minutes, 'place', v.place, 'status', v.status,
         'changeReason', v.last_change_reason, 'appointment', v.appointment, 'lateMinutes', v.late_minutes,
         'changedBy', v.changed_by) order by v.starts_at) from v) as visits,
      (select json_agg(json_build_object('id', m.id, 'kind', m.kind, 'at', m.created_at, 'scale', m.scale,
         'words', m.words, 'visitId', m.visit_id, 'answer', m.answer, 'answeredAt', m.answered_at)
         order by m.created_at desc)
       from (select * from ${familyMessages} fm where fm.council_id = ${c} and fm.family_id = ${f}
             and fm.link_id in (select fl.id from ${familyLinks} fl where fl.council_id = ${c}
               and fl.family_id = ${f} and (fl.adult_id = ${holder.adultId}::uuid or fl.child_id = ${holder.childId}::uuid))
             order by fm.created_at desc limit 50) m) as messages,
      (select json_agg(json_build_object('id', pl.id, 'createdAt', pl.created_at, 's', pl.s,
         'who', case pl.s->>'whoKind'
           when 'worker' then (select pp.name from ${people} pp where pp.council_id = ${c} and pp.id = (pl.s->>'whoId')::uuid)
           when 'family' then coalesce(
             (select ad.name from ${adults} ad where ad.council_id = ${c} and ad.id = (pl.s->>'whoId')::uuid),
             (select chn.first_name from ${children} chn where chn.council_id = ${c} and chn.id = (pl.s->>'whoId')::uuid))
           when 'service' then (select ds.name from ${directoryServices} ds where ds.council_id = ${c} and ds.id = (pl.s->>'whoId')::uuid)
           else null end) order by pl.created_at, pl.id) from pl) as plan,
      ${
        holder.adultId
          ? sql`(select split_part(ad2.name, ' ', 1) from ${adults} ad2 where ad2.council_id = ${c} and ad2.id = ${holder.adultId})`
          : holder.childId
            ? sql`(select ch2.first_name from ${children} ch2 where ch2.council_id = ${c} and ch2.id = ${holder.childId})`
            : sql`''`
      } as first_name,
      (select json_build_object('addressLine1', fa.address_line1, 'postcode', fa.postcode,
         'confidential', fa.address_confidential)
       from ${families} fa where fa.council_id = ${c} and fa.id = ${f}) as family`)
  const row = (result as unknown as { rows: Record<string, unknown>[] }).rows[0]!
  const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T
  const home = json<{ addressLine1: string; postcode: string; confidential: boolean } | null>(row.family)
  if (!home) throw notFound('family')
  // a confidential address is never on the link (it may be read by someone it must be kept from)
  const hideHome = (place: string) => home.confidential && placeGivesAway(place, home)
  const cut = new Date(row.cut_at as string)
  type W = { personId: string; role: 'lead' | 'co_worker'; teamId: string; name: string; email: string; away: boolean }
  type V = {
    id: string
    kind: string
    startsAt: string
    durationMinutes: number
    place: string
    status: string
    changeReason: string | null
    appointment: string | null
    lateMinutes: number | null
    changedBy: string | null
  }
  type M = {
    id: string
    kind: FamilyLinkView['messages'][number]['kind']
    at: string
    scale: number | null
    words: string | null
    visitId: string | null
    answer: string | null
    answeredAt: string | null
  }
  type P = { id: string; createdAt: string; s: PlanSnapshot; who: string | null }
  const workers = json<W[] | null>(row.workers) ?? []
  const vis = json<V[] | null>(row.visits) ?? []
  const messages = json<M[] | null>(row.messages) ?? []
  const items = json<P[] | null>(row.plan) ?? []
  const team = json<{ name: string; phone: string | null } | null>(row.team)
  const at = (iso: string) => new Date(iso).getTime()

  let cover: { name: string } | null = null
  const lead = workers.find((w) => w.role === 'lead')
  if (lead?.away) {
    const present = workers.find((w) => w.role === 'co_worker' && !w.away)
    cover = present ? { name: present.name } : row.duty ? { name: String(row.duty) } : null
  }
  // an ask to move a visit is open until the team answers it (moving the visit answers it)
  const moveAsked = new Set(messages.filter((m) => m.kind === 'move_visit' && !m.answer).map((m) => m.visitId))
  const ended = (v: V) => at(v.startsAt) + v.durationMinutes * 60_000 <= now.getTime()
  const upcoming = vis
    .filter((v) => !ended(v))
    .map((v) => ({
      id: v.id,
      kind: v.kind,
      startsAt: new Date(v.startsAt).toISOString(),
      durationMinutes: v.durationMinutes,
      place: hideHome(v.place) ? '' : v.place,
      placeHidden: hideHome(v.place),
      cancelled: v.status === 'cancelled',
      changeReason: v.changeReason,
      moveAsked: moveAsked.has(v.id),
    }))
  const past = vis
    .filter((v) => ended(v) && v.status === 'booked')
    .reverse()
    .slice(0, 10)
    .map((v) => {
      const kept =
        v.appointment && KEPT.has(v.appointment)
          ? (v.appointment as 'on_time' | 'late' | 'rearranged' | 'missed')
          : null
      return {
        id: v.id,
        kind: v.kind,
        startsAt: new Date(v.startsAt).toISOString(),
        kept,
        lateMinutes: kept === 'late' ? v.lateMinutes : null,
        changedBy: v.changedBy === 'family' || v.changedBy === 'us' ? (v.changedBy as 'family' | 'us') : null,
      }
    })
  const plan = items.map((i) => ({
    id: i.id,
    what: i.s.what,
    who: i.s.whoKind === 'network' || !i.s.whoId ? (i.s.whoName ?? '') : (i.who ?? i.s.whoName ?? ''),
    byDate: i.s.byDate,
    status: i.s.status,
  }))
  // the last meeting held, and what was agreed at it (the plan items made around it)
  const meeting = vis
    .filter((v) => MEETING_KINDS.includes(v.kind) && v.status === 'booked' && at(v.startsAt) <= now.getTime())
    .at(-1)
  let lastMeeting: FamilyLinkView['lastMeeting'] = null
  if (meeting) {
    const [fgc] = await db
      .select({ familyPlan: familyMeetings.familyPlan, planRecordedAt: familyMeetings.planRecordedAt })
      .from(familyMeetings)
      .where(and(eq(familyMeetings.councilId, c), eq(familyMeetings.visitId, meeting.id)))
    const from = at(meeting.startsAt) - 12 * 3600_000
    const to = at(meeting.startsAt) + 3 * 24 * 3600_000
    lastMeeting = {
      kind: meeting.kind,
      startsAt: new Date(meeting.startsAt).toISOString(),
      agreed: items.filter((i) => at(i.createdAt) >= from && at(i.createdAt) <= to).map((i) => i.s.what),
      familyPlan: fgc?.planRecordedAt && fgc.planRecordedAt < cut ? fgc.familyPlan : null,
    }
  }
  return {
    needsCode: false,
    language: holder.language,
    firstName: String(row.first_name ?? ''),
    team: { name: team?.name ?? '', phone: team?.phone ?? null },
    workers: workers.map((w) => ({ name: w.name, role: w.role, email: w.email, awayToday: w.away })),
    cover,
    upcoming,
    past,
    plan,
    lastMeeting,
    messages: messages.slice(0, 30).map((m) => {
      const answered = m.answeredAt && at(m.answeredAt) < cut.getTime()
      return {
        id: m.id,
        kind: m.kind,
        at: new Date(m.at).toISOString(),
        scale: m.scale,
        words: m.words,
        answer: answered ? m.answer : null,
        answeredAt: answered ? new Date(m.answeredAt!).toISOString() : null,
      }
    }),
  }
}
