import { restrictionCondition, shownPostcode } from '../families/family-queries'
import type { Deps } from '../../kernel/context'
import { asWaitingOffers } from '../team-board/team-board-queries'
import { and, asc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm'
import { families } from '@hearth/db/schema/families'
import { teams } from '@hearth/db/schema/organisation'
import { offers, referrals } from '@hearth/db/schema/referrals'
import { allocations } from '@hearth/db/schema/team-board'
import { visits } from '@hearth/db/schema/visits'
import type { Role } from '@hearth/domain/roles'
import { addCalendarDays, londonDateOf, startOfLondonDay } from '@hearth/domain/working-days'
import { AppError } from '../../kernel/errors'
import { view } from './visit-queries'
import { VISIT_OVERDUE_DAYS } from './visit-queries'
import type { Caller } from '../../kernel/caller'

/** A practitioner's day: visits, the families they hold and when they were last seen, new arrivals. */
export async function getMyDay(deps: Deps, caller: Caller) {
  const { db } = deps
  if (!caller.roles.includes('practitioner' as Role)) throw new AppError('forbidden', 'My day is for practitioners.')
  const now = new Date()
  const today = londonDateOf(now)
  const dayStart = startOfLondonDay(today)
  const dayEnd = startOfLondonDay(addCalendarDays(today, 1))
  // the four reads that need nothing from each other go at once, each on its own connection
  const todaysQ = db
    .select({
      v: visits,
      familyName: families.name,
      // its note, if begun (one per visit): the final one if saved
      recorded: sql<'draft' | 'final' | null>`(select max(n.status) from notes n
        where n.council_id = ${visits.councilId} and n.visit_id = ${visits.id})`,
    })
    .from(visits)
    .innerJoin(
      families,
      and(
        eq(families.id, visits.familyId),
        eq(families.councilId, visits.councilId),
        restrictionCondition(caller.familyScope),
      ),
    )
    .where(
      and(
        eq(visits.councilId, caller.councilId),
        eq(visits.status, 'booked'),
        gte(visits.startsAt, dayStart),
        lt(visits.startsAt, dayEnd),
        sql`${caller.personId}::uuid = any(${visits.attendeeIds})`,
      ),
    )
    .orderBy(asc(visits.startsAt))
  const heldQ = db
    .select({
      familyId: allocations.familyId,
      role: allocations.role,
      familyName: families.name,
      heldSince: allocations.startedAt,
    })
    .from(allocations)
    .innerJoin(
      families,
      and(
        eq(families.id, allocations.familyId),
        eq(families.councilId, allocations.councilId),
        restrictionCondition(caller.familyScope),
      ),
    )
    .where(
      and(
        eq(allocations.councilId, caller.councilId),
        eq(allocations.personId, caller.personId),
        isNull(allocations.endedAt),
      ),
    )
    .orderBy(asc(families.name))
  const ffTeams = caller.teams.filter((t) => t.kind === 'family_facing')
  const arrivalsQ = ffTeams.length
    ? db
        .select({
          offerId: offers.id,
          familyId: offers.familyId,
          familyName: families.name,
          postcode: shownPostcode(caller.personId),
          offeredAt: offers.offeredAt,
          decision: referrals.decision,
          reasons: referrals.decisionReasons,
          openCase: offers.openCase,
          teamId: offers.teamId,
          teamName: teams.name,
          childCount: sql<number>`(select count(*)::int from children c where c.council_id = ${offers.councilId} and c.family_id = ${offers.familyId})`,
        })
        .from(offers)
        .innerJoin(
          families,
          and(
            eq(families.id, offers.familyId),
            eq(families.councilId, offers.councilId),
            restrictionCondition(caller.familyScope),
          ),
        )
        .innerJoin(referrals, and(eq(referrals.id, offers.referralId), eq(referrals.councilId, offers.councilId)))
        .innerJoin(teams, and(eq(teams.id, offers.teamId), eq(teams.councilId, offers.councilId)))
        .where(
          and(
            eq(offers.councilId, caller.councilId),
            inArray(
              offers.teamId,
              ffTeams.map((t) => t.id),
            ),
            eq(offers.status, 'waiting'),
          ),
        )
        .orderBy(asc(offers.offeredAt))
    : Promise.resolve([])
  const dutyQ = ffTeams.length
    ? db.execute(
        sql`select team_id from duty_rota where council_id = ${caller.councilId} and day = ${today} and person_id = ${caller.personId}`,
      )
    : Promise.resolve({ rows: [] })
  const [todays, held, arrivals, duty] = await Promise.all([todaysQ, heldQ, arrivalsQ, dutyQ])
  const familyIds = held.map((h) => h.familyId)
  const visitTimesQ = familyIds.length
    ? db
        .select({
          familyId: visits.familyId,
          next: sql<Date | null>`min(${visits.startsAt}) filter (where ${visits.startsAt} >= now())`,
          last: sql<Date | null>`max(${visits.startsAt}) filter (where ${visits.startsAt} < now())`,
        })
        .from(visits)
        .where(
          and(eq(visits.councilId, caller.councilId), inArray(visits.familyId, familyIds), eq(visits.status, 'booked')),
        )
        .groupBy(visits.familyId)
    : Promise.resolve([])
  const [visitTimes, visitsToday, arrivalsShown] = await Promise.all([
    visitTimesQ,
    view(
      db,
      todays.map((t) => ({ ...t.v, familyName: t.familyName })),
      caller.councilId,
    ).then((vs) => vs.map((v, i) => ({ ...v, recorded: todays[i]!.recorded ?? null }))),
    asWaitingOffers(db, caller.councilId, arrivals, now),
  ])
  const onDutyTeamIds = new Set((duty as unknown as { rows: { team_id: string }[] }).rows.map((r) => r.team_id))
  const toDate = (d: Date | string | null) => (d ? new Date(d) : null)
  return {
    today,
    onDutyFor: ffTeams.filter((t) => onDutyTeamIds.has(t.id)).map((t) => ({ teamId: t.id, teamName: t.name })),
    visitsToday,
    families: held.map((h) => {
      const t = visitTimes.find((x) => x.familyId === h.familyId)
      const next = toDate(t?.next ?? null)
      const last = toDate(t?.last ?? null)
      // Not seen for too long counts from the last visit, or from when the family was taken on:
      // a family taken this morning is "not yet seen", not overdue.
      const since = last ?? h.heldSince
      const stale = now.getTime() - since.getTime() > VISIT_OVERDUE_DAYS * 86_400_000
      return {
        familyId: h.familyId,
        familyName: h.familyName,
        role: h.role,
        nextVisitAt: next?.toISOString() ?? null,
        lastVisitAt: last?.toISOString() ?? null,
        state: next
          ? ('booked' as const)
          : stale
            ? ('overdue' as const)
            : last
              ? ('none_booked' as const)
              : ('not_yet_seen' as const),
      }
    }),
    // The duty worker sees new arrivals first: they come before the rest of the day on screen.
    arrivals: arrivalsShown,
  }
}
