import { and, eq, inArray } from 'drizzle-orm'
import type { Executor } from './client'
import { families, patches, teams, offers, referrals } from './schema'
import { writeAudit } from './audit'
import { findPatchForPostcode } from '@hearth/domain/postcode'

export type RouteOutcome =
  | { kind: 'routed'; teamId: string; offerId: string; openCase: boolean; offeredAt: Date; created: boolean }
  | { kind: 'unroutable'; note: string }
  | { kind: 'skipped' }

/**
 * Puts a decided referral's family on a family-facing team's board: the team already working with
 * the family if there is one, else the team serving the family's patch. At most one offer per
 * referral (unique index), so a repeated or concurrent run never makes a second. Call inside a
 * transaction; the caller publishes events after commit.
 */
export async function routeReferral(
  tx: Executor,
  councilId: string,
  referralId: string,
  opts: { teamId?: string; actorPersonId?: string | null } = {},
): Promise<RouteOutcome> {
  const [ref] = await tx
    .select()
    .from(referrals)
    .where(and(eq(referrals.councilId, councilId), eq(referrals.id, referralId)))
    .for('update')
  if (ref?.status !== 'decided') return { kind: 'skipped' }
  if (ref.routingStatus === 'routed' && !opts.teamId) {
    const [existing] = await tx
      .select()
      .from(offers)
      .where(and(eq(offers.councilId, councilId), eq(offers.referralId, referralId)))
    return existing
      ? {
          kind: 'routed',
          teamId: existing.teamId,
          offerId: existing.id,
          openCase: existing.openCase,
          offeredAt: existing.offeredAt,
          created: false,
        }
      : { kind: 'skipped' }
  }
  if (ref.routingStatus === 'not_needed') return { kind: 'skipped' }

  let teamId = opts.teamId ?? null
  let openCase = false
  if (!teamId) {
    // A family already open to a team goes straight back to that team.
    const [open] = await tx
      .select({ teamId: offers.teamId })
      .from(offers)
      .where(
        and(
          eq(offers.councilId, councilId),
          eq(offers.familyId, ref.familyId),
          inArray(offers.status, ['waiting', 'held']),
        ),
      )
      .limit(1)
    if (open) {
      teamId = open.teamId
      openCase = true
    }
  }
  if (!teamId) {
    const [family] = await tx
      .select()
      .from(families)
      .where(and(eq(families.councilId, councilId), eq(families.id, ref.familyId)))
    const patchList = await tx
      .select({ id: patches.id, postcodeAreas: patches.postcodeAreas })
      .from(patches)
      .where(eq(patches.councilId, councilId))
    const patch = family ? findPatchForPostcode(family.postcode, patchList) : null
    if (!patch)
      return markUnroutable(tx, councilId, referralId, `No patch covers the postcode ${family?.postcode ?? ''}.`)
    const [team] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.councilId, councilId), eq(teams.patchId, patch.id), eq(teams.kind, 'family_facing')))
      .limit(1)
    if (!team) return markUnroutable(tx, councilId, referralId, 'No family-facing team serves this patch.')
    teamId = team.id
  }

  const inserted = await tx
    .insert(offers)
    .values({ councilId, familyId: ref.familyId, teamId, referralId, openCase })
    .onConflictDoNothing()
    .returning()
  const offer =
    inserted[0] ??
    (
      await tx
        .select()
        .from(offers)
        .where(and(eq(offers.councilId, councilId), eq(offers.referralId, referralId)))
    )[0]!
  await tx
    .update(referrals)
    .set({ routingStatus: 'routed', routedTeamId: offer.teamId, routedAt: offer.offeredAt, routingNote: null })
    .where(and(eq(referrals.councilId, councilId), eq(referrals.id, referralId)))
  if (inserted.length) {
    await writeAudit(tx, {
      councilId,
      actorPersonId: opts.actorPersonId ?? null,
      action: 'offer.create',
      recordType: 'offer',
      recordId: offer.id,
      familyId: ref.familyId,
      details: { referralId, teamId: offer.teamId, openCase: offer.openCase, manual: !!opts.teamId },
    })
  }
  return {
    kind: 'routed',
    teamId: offer.teamId,
    offerId: offer.id,
    openCase: offer.openCase,
    offeredAt: offer.offeredAt,
    created: inserted.length > 0,
  }
}

async function markUnroutable(
  tx: Executor,
  councilId: string,
  referralId: string,
  note: string,
): Promise<RouteOutcome> {
  await tx
    .update(referrals)
    .set({ routingStatus: 'unroutable', routingNote: note })
    .where(and(eq(referrals.councilId, councilId), eq(referrals.id, referralId)))
  await writeAudit(tx, {
    councilId,
    actorPersonId: null,
    action: 'referral.unroutable',
    recordType: 'referral',
    recordId: referralId,
    details: { note },
  })
  return { kind: 'unroutable', note }
}
