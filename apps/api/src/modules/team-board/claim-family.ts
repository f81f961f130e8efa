import type { Deps } from '../../kernel/context'
import { and, eq, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { openContactHolds } from '@hearth/db/contact'
import { children, families } from '@hearth/db/schema/families'
import { memberships } from '@hearth/db/schema/organisation'
import { offers } from '@hearth/db/schema/referrals'
import { allocations } from '@hearth/db/schema/team-board'
import { capRefusal, checkWorkers, effectiveCap, pickCoWorker } from '@hearth/domain/allocation'
import { AppError, invalid, notFound } from '../../kernel/errors'
import {
  activeWorkers,
  familyCounts,
  leadChildren,
  letterToFamily,
  logDecision,
  myTeam,
  names,
  practitioners,
} from './team-board-queries'
import type { Caller } from '../../kernel/caller'

/**
 * A practitioner claims a family on the board as its lead. Locks are taken in one order (the
 * claimant's membership row, then the offer), so concurrent claims queue rather than race: the
 * cap is counted with this person's other claims settled, and a family gets one lead.
 */
export async function claimFamily(
  deps: Deps,
  caller: Caller,
  teamId: string,
  offerId: string,
  input: { coWorkerId?: string | null; presentIds: string[] },
) {
  const { db } = deps
  const team = await myTeam(db, caller, teamId)
  return db.transaction(async (tx) => {
    const [me] = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.councilId, caller.councilId),
          eq(memberships.teamId, teamId),
          eq(memberships.personId, caller.personId),
        ),
      )
      .for('update')
    if (!me) throw notFound('team')
    const [offer] = await tx
      .select()
      .from(offers)
      .where(and(eq(offers.councilId, caller.councilId), eq(offers.teamId, teamId), eq(offers.id, offerId)))
      .for('update')
    if (!offer) throw notFound('family on this board')
    if (offer.status !== 'waiting') throw new AppError('conflict', 'Someone in the team has already taken this family.')
    const [family] = await tx
      .select()
      .from(families)
      .where(and(eq(families.councilId, caller.councilId), eq(families.id, offer.familyId)))

    const current = await activeWorkers(tx, caller.councilId, offer.familyId)
    if (current.some((a) => a.role === 'lead')) {
      // A new referral about a family the team already holds: the workers stay; the offer is settled.
      await tx
        .update(offers)
        .set({ status: 'held', heldAt: new Date() })
        .where(and(eq(offers.councilId, offer.councilId), eq(offers.id, offer.id)))
      const lead = current.find((a) => a.role === 'lead')!
      const n = await names(tx, caller.councilId, [lead.personId])
      await logDecision(tx, {
        councilId: caller.councilId,
        teamId,
        kind: 'allocation',
        summary: `New referral for the ${family!.name}: stays with ${n.get(lead.personId)} as lead.`,
        presentIds: input.presentIds,
        recordedBy: caller.personId,
        familyId: family!.id,
        details: { offerId },
      })
      await writeAudit(tx, {
        ...caller.audit,
        action: 'offer.settle',
        recordType: 'offer',
        recordId: offer.id,
        familyId: family!.id,
      })
      return {
        familyId: family!.id,
        leadId: lead.personId,
        coWorkerIds: current.filter((a) => a.role === 'co_worker').map((a) => a.personId),
        contactHeld: (await openContactHolds(tx, caller.councilId, family!.id)).length > 0,
      }
    }

    const team_ = await practitioners(tx, caller.councilId, teamId)
    const teamIds = new Set(team_.map((p) => p.personId))
    let coWorkerId = input.coWorkerId ?? null
    if (!coWorkerId) {
      const counts = await familyCounts(tx, caller.councilId, [...teamIds])
      coWorkerId =
        pickCoWorker(
          team_.map((p) => ({ personId: p.personId, families: counts.get(p.personId) ?? 0 })),
          caller.personId,
        )?.personId ?? null
      if (!coWorkerId) throw invalid('body.coWorkerId', 'there is nobody else in the team to be the co-worker')
    }
    const problems = checkWorkers(caller.personId, [coWorkerId], teamIds).map((p) => ({
      ...p,
      field: p.field.replace('body.coWorkerIds.0', 'body.coWorkerId').replace('body.leadId', 'body'),
    }))
    if (problems.length) throw new AppError('validation_failed', 'Check the highlighted answers.', problems)

    const [{ n: familyChildren }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(children)
      .where(and(eq(children.councilId, caller.councilId), eq(children.familyId, family!.id)))) as [{ n: number }]
    const cap = effectiveCap(me.caseloadCap, team.caseloadCap)
    const refusal = capRefusal('You', await leadChildren(tx, caller.councilId, caller.personId), familyChildren, cap)
    if (refusal) throw new AppError('over_cap', refusal.replace('You leads', 'You lead'))

    await tx.insert(allocations).values([
      { councilId: caller.councilId, familyId: family!.id, teamId, personId: caller.personId, role: 'lead' },
      { councilId: caller.councilId, familyId: family!.id, teamId, personId: coWorkerId, role: 'co_worker' },
    ])
    await tx
      .update(offers)
      .set({ status: 'held', heldAt: new Date() })
      .where(and(eq(offers.councilId, offer.councilId), eq(offers.id, offer.id)))
    const n = await names(tx, caller.councilId, [caller.personId, coWorkerId])
    await logDecision(tx, {
      councilId: caller.councilId,
      teamId,
      kind: 'allocation',
      summary: `${n.get(caller.personId)} leads the ${family!.name} with ${n.get(coWorkerId)} as co-worker${input.coWorkerId ? '' : ' (found by the team)'}.`,
      presentIds: input.presentIds,
      recordedBy: caller.personId,
      familyId: family!.id,
      details: { offerId, leadId: caller.personId, coWorkerIds: [coWorkerId] },
    })
    await letterToFamily(tx, caller.councilId, family!.id, caller.personId, [coWorkerId], teamId)
    await writeAudit(tx, {
      ...caller.audit,
      action: 'allocation.claim',
      recordType: 'family',
      recordId: family!.id,
      familyId: family!.id,
      details: { offerId, coWorkerId },
    })
    // the letter telling the family who their workers are is held while contact is on hold
    const contactHeld = (await openContactHolds(tx, caller.councilId, family!.id)).length > 0
    return { familyId: family!.id, leadId: caller.personId, coWorkerIds: [coWorkerId], contactHeld }
  })
}
