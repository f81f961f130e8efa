import { and, asc, desc, eq, gte, inArray, isNull, lt, or } from 'drizzle-orm'
import {
  adults,
  allocations,
  children,
  contactHolds,
  type Db,
  directoryServices,
  dutyRota,
  families,
  familyMeetings,
  familyMessages,
  leaveDays,
  notes,
  people,
  planChanges,
  planItems,
  type PlanSnapshot,
  teams,
  visits,
} from '@hearth/db'
import { linkShowsUpTo, londonDateOf, type LinkLanguage } from '@hearth/domain'
import type { FamilyLinkView } from '@hearth/contracts'
import { notFound } from '../../kernel/errors'

const MEETING_KINDS = ['family_group_conference', 'child_protection_conference', 'core_group', 'review']
const KEPT = new Set(['on_time', 'late', 'rearranged', 'missed'])

/** Open holds on contact with the family (when each began). */
export async function openHoldStarts(db: Db, councilId: string, familyId: string): Promise<Date[]> {
  const rows = await db
    .select({ startedAt: contactHolds.startedAt })
    .from(contactHolds)
    .where(
      and(eq(contactHolds.councilId, councilId), eq(contactHolds.familyId, familyId), isNull(contactHolds.endedAt)),
    )
  return rows.map((r) => r.startedAt)
}

/**
 * Exactly what the family sees through their link, built for the family and for the lead's
 * preview alike: their workers (and who covers today), their visits (upcoming, and past ones
 * marked kept, late, rearranged or missed), their plan, the last meeting, and what they said.
 * Nothing else: no notes, no chronology, no other household. While contact is held (and the
 * lead has not decided otherwise), nothing that happened after the hold began is shown.
 */
export async function familyLinkView(
  db: Db,
  councilId: string,
  familyId: string,
  holder: { adultId: string | null; childId: string | null; language: LinkLanguage; holdDecisionAt: Date | null },
  now = new Date(),
): Promise<FamilyLinkView> {
  const c = councilId
  const [family] = await db
    .select({ id: families.id })
    .from(families)
    .where(and(eq(families.councilId, c), eq(families.id, familyId)))
  if (!family) throw notFound('family')
  const upTo = linkShowsUpTo(await openHoldStarts(db, c, familyId), holder.holdDecisionAt)
  const cut = upTo ?? now
  const firstName = holder.adultId
    ? ((
        await db
          .select({ name: adults.name })
          .from(adults)
          .where(and(eq(adults.councilId, c), eq(adults.id, holder.adultId)))
      )[0]?.name.split(' ')[0] ?? '')
    : holder.childId
      ? ((
          await db
            .select({ name: children.firstName })
            .from(children)
            .where(and(eq(children.councilId, c), eq(children.id, holder.childId)))
        )[0]?.name ?? '')
      : ''

  // workers: those holding the family (as they were when the view stops)
  const workers = await db
    .select({
      personId: allocations.personId,
      role: allocations.role,
      teamId: allocations.teamId,
      name: people.name,
      email: people.email,
    })
    .from(allocations)
    .innerJoin(people, and(eq(people.councilId, allocations.councilId), eq(people.id, allocations.personId)))
    .where(
      and(
        eq(allocations.councilId, c),
        eq(allocations.familyId, familyId),
        lt(allocations.startedAt, cut),
        or(isNull(allocations.endedAt), gte(allocations.endedAt, cut)),
      ),
    )
    .orderBy(desc(allocations.role), asc(people.name)) // lead, then co-workers
  const teamId = workers[0]?.teamId ?? null
  const [team] = teamId
    ? await db
        .select({ name: teams.name, phone: teams.phone })
        .from(teams)
        .where(and(eq(teams.councilId, c), eq(teams.id, teamId)))
    : []
  const today = londonDateOf(now)
  const away = new Set(
    workers.length
      ? (
          await db
            .select({ personId: leaveDays.personId })
            .from(leaveDays)
            .where(
              and(
                eq(leaveDays.councilId, c),
                eq(leaveDays.day, today),
                inArray(
                  leaveDays.personId,
                  workers.map((w) => w.personId),
                ),
              ),
            )
        ).map((r) => r.personId)
      : [],
  )
  let cover: { name: string } | null = null
  const lead = workers.find((w) => w.role === 'lead')
  if (lead && away.has(lead.personId)) {
    const present = workers.find((w) => w.role === 'co_worker' && !away.has(w.personId))
    if (present) cover = { name: present.name }
    else if (teamId) {
      const [duty] = await db
        .select({ name: people.name })
        .from(dutyRota)
        .innerJoin(people, and(eq(people.councilId, dutyRota.councilId), eq(people.id, dutyRota.personId)))
        .where(and(eq(dutyRota.councilId, c), eq(dutyRota.teamId, teamId), eq(dutyRota.day, today)))
      if (duty) cover = { name: duty.name }
    }
  }

  // visits booked before the view stops
  const vis = await db
    .select()
    .from(visits)
    .where(and(eq(visits.councilId, c), eq(visits.familyId, familyId), lt(visits.createdAt, cut)))
    .orderBy(asc(visits.startsAt))
  const kept = vis.length
    ? await db
        .select({
          visitId: notes.visitId,
          appointment: notes.appointment,
          lateMinutes: notes.lateMinutes,
          changedBy: notes.changedBy,
        })
        .from(notes)
        .where(
          and(
            eq(notes.councilId, c),
            eq(notes.familyId, familyId),
            eq(notes.status, 'final'),
            lt(notes.createdAt, cut),
            inArray(
              notes.visitId,
              vis.map((v) => v.id),
            ),
          ),
        )
    : []
  const keptBy = new Map(kept.map((k) => [k.visitId, k]))
  const messages = await db
    .select()
    .from(familyMessages)
    .where(and(eq(familyMessages.councilId, c), eq(familyMessages.familyId, familyId)))
    .orderBy(desc(familyMessages.createdAt))
  const moveAsked = new Set(messages.filter((m) => m.kind === 'move_visit').map((m) => m.visitId))
  const upcoming = vis
    .filter((v) => v.startsAt.getTime() + v.durationMinutes * 60_000 > now.getTime())
    .map((v) => ({
      id: v.id,
      kind: v.kind,
      startsAt: v.startsAt.toISOString(),
      durationMinutes: v.durationMinutes,
      place: v.place,
      cancelled: v.status === 'cancelled',
      changeReason: v.lastChangeReason,
      moveAsked: moveAsked.has(v.id),
    }))
  const past = vis
    .filter((v) => v.startsAt.getTime() + v.durationMinutes * 60_000 <= now.getTime() && v.status === 'booked')
    .reverse()
    .slice(0, 10)
    .map((v) => {
      const k = keptBy.get(v.id)
      const appointment =
        k && KEPT.has(k.appointment) ? (k.appointment as 'on_time' | 'late' | 'rearranged' | 'missed') : null
      return {
        id: v.id,
        kind: v.kind,
        startsAt: v.startsAt.toISOString(),
        kept: appointment,
        lateMinutes: appointment === 'late' ? (k?.lateMinutes ?? null) : null,
        changedBy: k?.changedBy === 'family' || k?.changedBy === 'us' ? (k.changedBy as 'family' | 'us') : null,
      }
    })

  // the plan as it stood when the view stops
  const items = await db
    .select()
    .from(planItems)
    .where(and(eq(planItems.councilId, c), eq(planItems.familyId, familyId), lt(planItems.createdAt, cut)))
    .orderBy(asc(planItems.createdAt), asc(planItems.id))
  const later = upTo
    ? await db
        .select({ itemId: planChanges.itemId, before: planChanges.before, changedAt: planChanges.changedAt })
        .from(planChanges)
        .where(and(eq(planChanges.councilId, c), eq(planChanges.familyId, familyId), gte(planChanges.changedAt, upTo)))
        .orderBy(asc(planChanges.changedAt))
    : []
  const asWas = new Map<string, PlanSnapshot>()
  for (const ch of later) if (!asWas.has(ch.itemId) && ch.before) asWas.set(ch.itemId, ch.before)
  const plan = await Promise.all(
    items.map(async (i) => {
      const s: PlanSnapshot = asWas.get(i.id) ?? i
      return { id: i.id, what: s.what, who: await whoWords(db, c, s), byDate: s.byDate, status: s.status }
    }),
  )

  // the last meeting held, and what was agreed at it
  const meeting = vis
    .filter((v) => MEETING_KINDS.includes(v.kind) && v.status === 'booked' && v.startsAt.getTime() <= now.getTime())
    .at(-1)
  let lastMeeting: FamilyLinkView['lastMeeting'] = null
  if (meeting) {
    const [fgc] = await db
      .select({ familyPlan: familyMeetings.familyPlan, planRecordedAt: familyMeetings.planRecordedAt })
      .from(familyMeetings)
      .where(and(eq(familyMeetings.councilId, c), eq(familyMeetings.visitId, meeting.id)))
    const from = meeting.startsAt.getTime() - 12 * 3600_000
    const to = meeting.startsAt.getTime() + 3 * 24 * 3600_000
    lastMeeting = {
      kind: meeting.kind,
      startsAt: meeting.startsAt.toISOString(),
      agreed: plan
        .filter((p) => {
          const at = items.find((i) => i.id === p.id)!.createdAt.getTime()
          return at >= from && at <= to
        })
        .map((p) => p.what),
      familyPlan: fgc?.planRecordedAt && fgc.planRecordedAt < cut ? fgc.familyPlan : null,
    }
  }

  return {
    needsCode: false,
    language: holder.language,
    firstName,
    team: { name: team?.name ?? '', phone: team?.phone ?? null },
    workers: workers.map((w) => ({
      name: w.name,
      role: w.role,
      email: w.email,
      awayToday: away.has(w.personId),
    })),
    cover,
    upcoming,
    past,
    plan,
    lastMeeting,
    messages: messages.slice(0, 30).map((m) => ({
      id: m.id,
      kind: m.kind,
      at: m.createdAt.toISOString(),
      scale: m.scale,
      words: m.words,
      answer: m.answeredAt && m.answeredAt < cut ? m.answer : null,
      answeredAt: m.answeredAt && m.answeredAt < cut ? m.answeredAt.toISOString() : null,
    })),
  }
}

/** Who does a plan item, in the words the family reads: a name, never a record. */
async function whoWords(db: Db, c: string, s: PlanSnapshot): Promise<string> {
  if (s.whoKind === 'network') return s.whoName ?? ''
  if (!s.whoId) return s.whoName ?? ''
  if (s.whoKind === 'worker') {
    const [p] = await db
      .select({ name: people.name })
      .from(people)
      .where(and(eq(people.councilId, c), eq(people.id, s.whoId)))
    return p?.name ?? ''
  }
  if (s.whoKind === 'family') {
    const [a] = await db
      .select({ name: adults.name })
      .from(adults)
      .where(and(eq(adults.councilId, c), eq(adults.id, s.whoId)))
    if (a) return a.name
    const [ch] = await db
      .select({ name: children.firstName })
      .from(children)
      .where(and(eq(children.councilId, c), eq(children.id, s.whoId)))
    return ch?.name ?? ''
  }
  const [svc] = await db
    .select({ name: directoryServices.name })
    .from(directoryServices)
    .where(and(eq(directoryServices.councilId, c), eq(directoryServices.id, s.whoId)))
  return svc?.name ?? s.whoName ?? ''
}
