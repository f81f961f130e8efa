import { and, eq, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import { families, type Family } from '@hearth/db/schema/families'
import { patches, people } from '@hearth/db/schema/organisation'
import { offers } from '@hearth/db/schema/referrals'
import { allocations } from '@hearth/db/schema/team-board'
import { canSeeFamily, excludedFromScope, type FamilyScope, restrictionAllows } from '@hearth/domain/access'
import { findPatchForPostcode } from '@hearth/domain/postcode'
import { invalid, notFound } from '../../kernel/errors'
import { familiesOpenTo } from '../../kernel/family-access'

/** The teams holding these families now (their leads' teams), by family; a family nobody holds is absent. */
export async function holdingTeams(db: Db | Tx, councilId: string, familyIds: string[]): Promise<Map<string, string>> {
  if (!familyIds.length) return new Map()
  const leads = await db
    .select({ familyId: allocations.familyId, teamId: allocations.teamId })
    .from(allocations)
    .where(
      and(
        eq(allocations.councilId, councilId),
        inArray(allocations.familyId, familyIds),
        eq(allocations.role, 'lead'),
        isNull(allocations.endedAt),
      ),
    )
  return new Map(leads.map((l) => [l.familyId, l.teamId]))
}

/** The team holding a family now, if any. */
export async function holdingTeamId(db: Db | Tx, councilId: string, familyId: string): Promise<string | null> {
  return (await holdingTeams(db, councilId, [familyId])).get(familyId) ?? null
}

export const offeredToTeams = (teamIds: string[]) =>
  teamIds.length
    ? sql`exists (select 1 from ${offers} o where o.council_id = ${families.councilId} and o.family_id = ${families.id} and o.status <> 'withdrawn' and o.team_id in ${teamIds})`
    : sql`false`

export function scopeCondition(councilId: string, scope: FamilyScope): SQL | undefined {
  if (scope.kind === 'none') return sql`false`
  // a declared conflict of interest leaves the family out of every list and search, and a
  // restricted record is there only for the staff named on it or who broke the glass on it
  const notExcluded = and(
    scope.excluded?.length ? notInArray(families.id, scope.excluded) : undefined,
    restrictionCondition(scope),
  )
  if (scope.kind === 'all') return and(eq(families.councilId, councilId), notExcluded)
  const byPatch = scope.patchIds.length ? inArray(families.patchId, scope.patchIds) : sql`false`
  return and(eq(families.councilId, councilId), or(byPatch, offeredToTeams(scope.teamIds)), notExcluded)
}

export async function familyInScope(
  ex: Db | Tx,
  councilId: string,
  scope: FamilyScope,
  familyId: string,
): Promise<Family> {
  const [family] = await ex
    .select()
    .from(families)
    .where(and(eq(families.councilId, councilId), eq(families.id, familyId)))
  if (!family) throw notFound('family')
  if (excludedFromScope(scope, familyId) || !restrictionAllows(scope, family)) throw notFound('family')
  if (canSeeFamily(scope, family.patchId)) return family
  if (scope.kind === 'patches' && scope.teamIds.length) {
    const [offered] = await ex
      .select({ id: offers.id })
      .from(offers)
      .where(
        and(
          eq(offers.councilId, councilId),
          eq(offers.familyId, familyId),
          inArray(offers.teamId, scope.teamIds),
          sql`${offers.status} <> 'withdrawn'`,
        ),
      )
      .limit(1)
    if (offered) return family
  }
  throw notFound('family')
}

export async function patchFor(ex: Db | Tx, councilId: string, postcode: string) {
  const list = await ex
    .select({ id: patches.id, postcodeAreas: patches.postcodeAreas })
    .from(patches)
    .where(eq(patches.councilId, councilId))
  return findPatchForPostcode(postcode, list)?.id ?? null
}

/**
 * The family's postcode as this person may see it: a confidential address shows its district
 * only, except to the staff named on it.
 */
export const shownPostcode = (personId: string | null) =>
  sql<string>`(case when ${families.addressConfidential} and not coalesce(${personId}::uuid = any(${families.addressShownTo}), false) then split_part(${families.postcode}, ' ', 1) else ${families.postcode} end)`

/**
 * Families this scope may list: a restricted record only for its named staff or break-glass, and
 * never one the person declared a conflict with (kernel/family-access.ts).
 */
export function restrictionCondition(scope: FamilyScope): SQL | undefined {
  if (scope.kind === 'none') return sql`false`
  return familiesOpenTo(scope)
}

/**
 * The staff named on something kept to them (a restricted record, a confidential address): the
 * person naming them always among them, each an active member of staff of this council.
 */
export async function namedStaff(tx: Db | Tx, councilId: string, me: string, ids: string[], field: string) {
  const named = [...new Set([me, ...ids])]
  const found = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.councilId, councilId), inArray(people.id, named), eq(people.active, true)))
  if (found.length !== named.length) throw invalid(field, 'name members of staff of this council')
  return named
}
