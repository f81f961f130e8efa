import { shownPostcode } from '../families/family-queries'
import type { Deps } from '../../kernel/context'
import { and, eq, inArray, or, sql } from 'drizzle-orm'
import { children, families } from '@hearth/db/schema/families'
import { teams } from '@hearth/db/schema/organisation'
import { offers } from '@hearth/db/schema/referrals'
import { findCandidates, type KnownChild, type MatchQuery } from '@hearth/domain/matching'
import { familyKeptFromRow } from '../../kernel/family-access'
import type { Caller } from '../../kernel/caller'

/**
 * Known children who may be the one being referred, with the reasons (never a name alone). A
 * child whose record is kept from the officer (restricted, or a family they declared they know)
 * is still a match, so no duplicate is made, but shows nothing of the child or family.
 */
export async function findMatchingChildren(deps: Deps, caller: Caller, q: MatchQuery) {
  const { db } = deps
  const letters = [q.firstName, q.lastName].filter(Boolean).map((s) => s!.trim().slice(0, 1).toLowerCase())
  if (!letters.length && !q.dateOfBirth && !q.postcode) return []
  // Pre-filter in SQL (same first letter of either name, same date of birth, or same postcode), score in the domain.
  const conditions = []
  if (letters.length) {
    conditions.push(
      sql`lower(left(${children.firstName}, 1)) in ${letters}`,
      sql`lower(left(${children.lastName}, 1)) in ${letters}`,
    )
  }
  if (q.dateOfBirth)
    conditions.push(eq(children.dateOfBirth, q.dateOfBirth), eq(children.expectedDateOfBirth, q.dateOfBirth))
  if (q.postcode) conditions.push(eq(families.postcode, q.postcode))
  const rows = await db
    .select({
      childId: children.id,
      familyId: families.id,
      firstName: children.firstName,
      lastName: children.lastName,
      dateOfBirth: children.dateOfBirth,
      expectedDateOfBirth: children.expectedDateOfBirth,
      postcode: shownPostcode(caller.audit.actorPersonId),
      familyName: families.name,
      familyReference: families.reference,
      restricted: families.restricted,
      restrictedTo: families.restrictedTo,
    })
    .from(children)
    .innerJoin(families, and(eq(families.id, children.familyId), eq(families.councilId, children.councilId)))
    .where(and(eq(children.councilId, caller.councilId), or(...conditions)))
    .limit(5000)
  const candidates = findCandidates(q, rows as KnownChild[])
  const byId = new Map(rows.map((r) => [r.childId, r]))
  const openTeams = candidates.length
    ? await db
        .select({ familyId: offers.familyId, teamName: teams.name })
        .from(offers)
        .innerJoin(teams, and(eq(teams.id, offers.teamId), eq(teams.councilId, offers.councilId)))
        .where(
          and(
            eq(offers.councilId, caller.councilId),
            inArray(
              offers.familyId,
              candidates.map((c) => c.familyId),
            ),
            inArray(offers.status, ['waiting', 'held']),
          ),
        )
    : []
  return candidates.map((c) => {
    const r = byId.get(c.childId)!
    if (
      familyKeptFromRow(caller.familyScope, { id: c.familyId, restricted: r.restricted, restrictedTo: r.restrictedTo })
    )
      return {
        childId: c.childId,
        familyId: c.familyId,
        kept: caller.familyScope.excluded?.includes(c.familyId) ? ('conflict' as const) : ('restricted' as const),
        firstName: null,
        lastName: null,
        dateOfBirth: null,
        familyName: null,
        familyReference: r.familyReference,
        postcode: null,
        openToTeam: null,
        score: c.score,
        reasons: c.reasons,
      }
    return {
      childId: c.childId,
      familyId: c.familyId,
      kept: null,
      firstName: r.firstName,
      lastName: r.lastName,
      dateOfBirth: r.dateOfBirth ?? r.expectedDateOfBirth,
      familyName: r.familyName,
      familyReference: r.familyReference,
      postcode: r.postcode,
      openToTeam: openTeams.find((o) => o.familyId === c.familyId)?.teamName ?? null,
      score: c.score,
      reasons: c.reasons,
    }
  })
}
