import type { Ctx, Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { children, people, referralChildren } from '@hearth/db'
import { loadReferral, summaries } from './referral-views'

/** One referral with its children, decision and routing. */
export async function getReferral(deps: Deps, ctx: Ctx, id: string) {
  const { db } = deps
  const r = await loadReferral(db, ctx.councilId, id)
  const [summary] = await summaries(db, ctx.councilId, [r], ctx.actorPersonId)
  const kids = await db
    .select({
      id: children.id,
      firstName: children.firstName,
      lastName: children.lastName,
      dateOfBirth: children.dateOfBirth,
      expectedDateOfBirth: children.expectedDateOfBirth,
      linked: referralChildren.linked,
    })
    .from(referralChildren)
    .innerJoin(
      children,
      and(eq(children.id, referralChildren.childId), eq(children.councilId, referralChildren.councilId)),
    )
    .where(and(eq(referralChildren.councilId, ctx.councilId), eq(referralChildren.referralId, id)))
  const [decider] = r.decidedBy
    ? await db
        .select({ name: people.name })
        .from(people)
        .where(and(eq(people.councilId, ctx.councilId), eq(people.id, r.decidedBy)))
    : []
  return {
    ...summary!,
    referrerName: r.referrerName,
    referrerOrganisation: r.referrerOrganisation,
    referrerContact: r.referrerContact,
    worries: r.worries,
    familyKnowledge: r.familyKnowledge,
    familyConsent: r.familyConsent,
    decisionReasons: r.decisionReasons,
    primaryNeedCode: r.primaryNeedCode,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedByName: decider?.name ?? null,
    routedAt: r.routedAt?.toISOString() ?? null,
    children: kids,
    timings: {
      receivedToDecidedMinutes: r.decidedAt
        ? Math.round((r.decidedAt.getTime() - r.receivedAt.getTime()) / 60_000)
        : null,
      decidedToBoardSeconds:
        r.decidedAt && r.routedAt ? Math.round((r.routedAt.getTime() - r.decidedAt.getTime()) / 100) / 10 : null,
    },
  }
}
