import type { Ctx, Deps } from '../../kernel/context'
import { and, eq, sql } from 'drizzle-orm'
import { allocations, children, families, memberships, offers, openContactHolds, writeAudit } from '@hearth/db'
import { capRefusal, checkWorkers, effectiveCap, pickCoWorker } from '@hearth/domain'
import { AppError, invalid, notFound } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
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

/**
 * A practitioner claims a family on the board as its lead. Locks are taken in one order (the
 * claimant's membership row, then the offer), so concurrent claims queue rather than race: the
 * cap is counted with this person's other claims settled, and a family gets one lead.
 */
export async function claimFamily(
  deps: Deps,
  ctx: Ctx,
  actor: Actor,
  teamId: string,
  offerId: string,
  input: { coWorkerId?: string | null; presentIds: string[] },
) {
  const { db } = deps
  const team = await myTeam(db, actor, teamId)
  return db.transaction(async (tx) => {
    const [me] = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.councilId, ctx.councilId),
          eq(memberships.teamId, teamId),
          eq(memberships.personId, actor.personId),
        ),
      )
      .for('update')
    if (!me) throw notFound('team')
    const [offer] = await tx
      .select()
      .from(offers)
      .where(and(eq(offers.councilId, ctx.councilId), eq(offers.teamId, teamId), eq(offers.id, offerId)))
      .for('update')
    if (!offer) throw notFound('family on this board')
    if (offer.status !== 'waiting') throw new AppError('conflict', 'Someone in the team has already taken this family.')
    const [family] = await tx
      .select()
      .from(families)
      .where(and(eq(families.councilId, ctx.councilId), eq(families.id, offer.familyId)))

    const current = await activeWorkers(tx, ctx.councilId, offer.familyId)
    if (current.some((a) => a.role === 'lead')) {
      // A new referral about a family the team already holds: the workers stay; the offer is settled.
      await tx
        .update(offers)
        .set({ status: 'held', heldAt: new Date() })
        .where(and(eq(offers.councilId, offer.councilId), eq(offers.id, offer.id)))
      const lead = current.find((a) => a.role === 'lead')!
      const n = await names(tx, ctx.councilId, [lead.personId])
      await logDecision(tx, {
        councilId: ctx.councilId,
        teamId,
        kind: 'allocation',
        summary: `New referral for the ${family!.name}: stays with ${n.get(lead.personId)} as lead.`,
        presentIds: input.presentIds,
        recordedBy: actor.personId,
        familyId: family!.id,
        details: { offerId },
      })
      await writeAudit(tx, {
        ...ctx,
        action: 'offer.settle',
        recordType: 'offer',
        recordId: offer.id,
        familyId: family!.id,
      })
      return {
        familyId: family!.id,
        leadId: lead.personId,
        coWorkerIds: current.filter((a) => a.role === 'co_worker').map((a) => a.personId),
        contactHeld: (await openContactHolds(tx, ctx.councilId, family!.id)).length > 0,
      }
    }

    const team_ = await practitioners(tx, ctx.councilId, teamId)
    const teamIds = new Set(team_.map((p) => p.personId))
    let coWorkerId = input.coWorkerId ?? null
    if (!coWorkerId) {
      const counts = await familyCounts(tx, ctx.councilId, [...teamIds])
      coWorkerId =
        pickCoWorker(
          team_.map((p) => ({ personId: p.personId, families: counts.get(p.personId) ?? 0 })),
          actor.personId,
        )?.personId ?? null
      if (!coWorkerId) throw invalid('body.coWorkerId', 'there is nobody else in the team to be the co-worker')
    }
    const problems = checkWorkers(actor.personId, [coWorkerId], teamIds).map((p) => ({
      ...p,
      field: p.field.replace('body.coWorkerIds.0', 'body.coWorkerId').replace('body.leadId', 'body'),
    }))
    if (problems.length) throw new AppError('validation_failed', 'Check the highlighted answers.', problems)

    const [{ n: familyChildren }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(children)
      .where(and(eq(children.councilId, ctx.councilId), eq(children.familyId, family!.id)))) as [{ n: number }]
    const cap = effectiveCap(me.caseloadCap, team.caseloadCap)
    const refusal = capRefusal('You', await leadChildren(tx, ctx.councilId, actor.personId), familyChildren, cap)
    if (refusal) throw new AppError('over_cap', refusal.replace('You leads', 'You lead'))

    await tx.insert(allocations).values([
      { councilId: ctx.councilId, familyId: family!.id, teamId, personId: actor.personId, role: 'lead' },
      { councilId: ctx.councilId, familyId: family!.id, teamId, personId: coWorkerId, role: 'co_worker' },
    ])
    await tx
      .update(offers)
      .set({ status: 'held', heldAt: new Date() })
      .where(and(eq(offers.councilId, offer.councilId), eq(offers.id, offer.id)))
    const n = await names(tx, ctx.councilId, [actor.personId, coWorkerId])
    await logDecision(tx, {
      councilId: ctx.councilId,
      teamId,
      kind: 'allocation',
      summary: `${n.get(actor.personId)} leads the ${family!.name} with ${n.get(coWorkerId)} as co-worker${input.coWorkerId ? '' : ' (found by the team)'}.`,
      presentIds: input.presentIds,
      recordedBy: actor.personId,
      familyId: family!.id,
      details: { offerId, leadId: actor.personId, coWorkerIds: [coWorkerId] },
    })
    await letterToFamily(tx, ctx.councilId, family!.id, actor.personId, [coWorkerId], teamId)
    await writeAudit(tx, {
      ...ctx,
      action: 'allocation.claim',
      recordType: 'family',
      recordId: family!.id,
      familyId: family!.id,
      details: { offerId, coWorkerId },
    })
    // the letter telling the family who their workers are is held while contact is on hold
    const contactHeld = (await openContactHolds(tx, ctx.councilId, family!.id)).length > 0
    return { familyId: family!.id, leadId: actor.personId, coWorkerIds: [coWorkerId], contactHeld }
  })
}
