import { shownPostcode } from '../families/family-queries'
import type { Deps } from '../../kernel/context'
import { and, asc, eq, sql } from 'drizzle-orm'
import { children, families } from '@hearth/db/schema/families'
import { teams } from '@hearth/db/schema/organisation'
import { offers, referrals } from '@hearth/db/schema/referrals'
import type { Caller } from '../../kernel/caller'
import { notFound } from '../../kernel/errors'

/**
 * What is waiting on a team's board. Practitioners see their own teams' boards; the front door
 * sees every board; a team of another council, or none, is not found.
 */
export async function listTeamOffers(deps: Deps, caller: Caller, teamId: string) {
  const { db } = deps
  if (!caller.roles.includes('referral_officer') && !caller.teams.some((t) => t.id === teamId)) throw notFound('team')
  const [team] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.councilId, caller.councilId), eq(teams.id, teamId)))
  if (!team) throw notFound('team')
  const rows = await db
    .select({
      id: offers.id,
      familyId: offers.familyId,
      familyName: families.name,
      postcode: shownPostcode(caller.audit.actorPersonId),
      referralId: offers.referralId,
      referralReference: referrals.reference,
      decision: referrals.decision,
      decisionReasons: referrals.decisionReasons,
      openCase: offers.openCase,
      offeredAt: offers.offeredAt,
      childCount: sql<number>`(select count(*)::int from ${children} c where c.council_id = ${offers.councilId} and c.family_id = ${offers.familyId})`,
    })
    .from(offers)
    .innerJoin(families, and(eq(families.id, offers.familyId), eq(families.councilId, offers.councilId)))
    .innerJoin(referrals, and(eq(referrals.id, offers.referralId), eq(referrals.councilId, offers.councilId)))
    .where(and(eq(offers.councilId, caller.councilId), eq(offers.teamId, teamId), eq(offers.status, 'waiting')))
    .orderBy(asc(offers.offeredAt))
  return rows.map((r) => ({ ...r, offeredAt: r.offeredAt.toISOString() }))
}
