import { restrictionCondition, shownPostcode } from '../families/family-queries'
import type { Deps } from '../../kernel/context'
import { protectionOf } from '../case-process/protection-status'
import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm'
import { families } from '@hearth/db/schema/families'
import { offers, referrals } from '@hearth/db/schema/referrals'
import { allocations, dutyRota } from '@hearth/db/schema/team-board'
import { visits } from '@hearth/db/schema/visits'
import { effectiveCap } from '@hearth/domain/allocation'
import { addCalendarDays, londonDateOf, startOfLondonDay } from '@hearth/domain/working-days'
import { teamDueNow } from '../case-process/clock-queries'
import { asWaitingOffers, countChildren, myTeam, names, practitioners } from './team-board-queries'
import type { Caller } from '../../kernel/caller'

export async function getBoard(deps: Deps, caller: Caller, teamId: string) {
  const { db } = deps
  const team = await myTeam(db, caller, teamId)
  const now = new Date()
  const today = londonDateOf(now)
  const dayStart = startOfLondonDay(today)
  const dayEnd = startOfLondonDay(addCalendarDays(today, 1))
  const members = await practitioners(db, caller.councilId, teamId)
  const memberIds = members.map((m) => m.personId)
  const [allocRows, offerRows, heldRows, duty, visitRows, due] = await Promise.all([
    memberIds.length
      ? db
          .select({
            personId: allocations.personId,
            role: allocations.role,
            familyId: allocations.familyId,
            childCount: countChildren(allocations.familyId),
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
              inArray(allocations.personId, memberIds),
              isNull(allocations.endedAt),
            ),
          )
      : Promise.resolve([]),
    db
      .select({
        offerId: offers.id,
        familyId: offers.familyId,
        familyName: families.name,
        postcode: shownPostcode(caller.personId),
        childCount: countChildren(offers.familyId),
        offeredAt: offers.offeredAt,
        decision: referrals.decision,
        reasons: referrals.decisionReasons,
        openCase: offers.openCase,
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
      .where(and(eq(offers.councilId, caller.councilId), eq(offers.teamId, teamId), eq(offers.status, 'waiting')))
      .orderBy(asc(offers.offeredAt)),
    db
      .select({
        familyId: allocations.familyId,
        personId: allocations.personId,
        role: allocations.role,
        startedAt: allocations.startedAt,
        familyName: families.name,
        postcode: shownPostcode(caller.personId),
        stage: families.conversationStage,
        childCount: countChildren(allocations.familyId),
        // a child on a child protection plan, or under a section 47 enquiry still open
        protection: protectionOf(allocations.councilId, allocations.familyId),
        // the front door has a new referral about a family the team holds: the team hears of it
        newReferral: sql<{ receivedAt: string; awaitingDecision: boolean } | null>`(
          select json_build_object('receivedAt', r.received_at, 'awaitingDecision', r.status = 'awaiting_decision')
          from referrals r
          where r.council_id = ${allocations.councilId} and r.family_id = ${allocations.familyId}
            and r.created_at > ${allocations.startedAt}
            and r.received_at >= now() - interval '14 days'
          order by r.received_at desc limit 1)`,
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
        and(eq(allocations.councilId, caller.councilId), eq(allocations.teamId, teamId), isNull(allocations.endedAt)),
      )
      .orderBy(asc(families.name)),
    db
      .select()
      .from(dutyRota)
      .where(and(eq(dutyRota.councilId, caller.councilId), eq(dutyRota.teamId, teamId), eq(dutyRota.day, today))),
    db
      .select({ familyId: visits.familyId, startsAt: visits.startsAt, attendeeIds: visits.attendeeIds })
      .from(visits)
      .where(
        and(
          eq(visits.councilId, caller.councilId),
          eq(visits.teamId, teamId),
          eq(visits.status, 'booked'),
          gte(visits.startsAt, dayStart),
        ),
      )
      .orderBy(asc(visits.startsAt)),
    // what is due and overdue, in the same round as the rest (the clocks live in clock_dues)
    teamDueNow(db, caller.councilId, teamId, now),
  ])
  const nameOf = new Map(members.map((m) => [m.personId, m.name]))
  const extraNames = await names(
    db,
    caller.councilId,
    heldRows.map((h) => h.personId).filter((id) => !nameOf.has(id)),
  )
  for (const [k, v] of extraNames) nameOf.set(k, v)
  const heldByFamily = new Map<string, (typeof heldRows)[number][]>()
  for (const h of heldRows) heldByFamily.set(h.familyId, [...(heldByFamily.get(h.familyId) ?? []), h])
  return {
    teamId,
    teamName: team.name,
    teamCap: team.caseloadCap,
    today,
    dutyPersonId: duty[0]?.personId ?? null,
    due,
    offers: await asWaitingOffers(db, caller.councilId, offerRows, now),
    members: members.map((m) => {
      const mine = allocRows.filter((a) => a.personId === m.personId)
      const leads = mine.filter((a) => a.role === 'lead')
      return {
        personId: m.personId,
        name: m.name,
        cap: effectiveCap(m.cap, team.caseloadCap),
        leadChildren: leads.reduce((s, a) => s + a.childCount, 0),
        leadFamilies: leads.length,
        coWorkerFamilies: mine.length - leads.length,
        visitsToday: visitRows.filter((v) => v.startsAt < dayEnd && v.attendeeIds.includes(m.personId)).length,
        onDutyToday: duty[0]?.personId === m.personId,
      }
    }),
    held: [...heldByFamily.values()]
      .filter((rows) => rows.some((r) => r.role === 'lead'))
      .map((rows) => {
        const lead = rows.find((r) => r.role === 'lead')!
        return {
          familyId: lead.familyId,
          familyName: lead.familyName,
          postcode: lead.postcode,
          childCount: lead.childCount,
          lead: { personId: lead.personId, name: nameOf.get(lead.personId) ?? '' },
          coWorkers: rows
            .filter((r) => r.role === 'co_worker')
            .map((r) => ({ personId: r.personId, name: nameOf.get(r.personId) ?? '' })),
          conversationStage: lead.stage,
          protection: lead.protection ?? null,
          newReferral: lead.newReferral
            ? {
                receivedAt: new Date(lead.newReferral.receivedAt).toISOString(),
                awaitingDecision: lead.newReferral.awaitingDecision,
              }
            : null,
          nextVisitAt:
            visitRows.find((v) => v.familyId === lead.familyId && v.startsAt >= now)?.startsAt.toISOString() ?? null,
          heldSince: lead.startedAt.toISOString(),
        }
      }),
  }
}
