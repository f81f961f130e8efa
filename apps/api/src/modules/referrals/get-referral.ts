import type { Deps } from '../../kernel/context'
import { and, eq, sql } from 'drizzle-orm'
import { children, families } from '@hearth/db/schema/families'
import { people } from '@hearth/db/schema/organisation'
import { referralChildren } from '@hearth/db/schema/referrals'
import { protectionOf } from '../case-process/protection-status'
import { loadReferral, summaries } from './referral-views'
import type { Caller } from '../../kernel/caller'

/** One referral with its children, decision and routing. */
export async function getReferral(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  const r = await loadReferral(db, caller.councilId, id)
  const [summary] = await summaries(db, caller.councilId, [r], caller.audit.actorPersonId)
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
    .where(and(eq(referralChildren.councilId, caller.councilId), eq(referralChildren.referralId, id)))
  const [decider] = r.decidedBy
    ? await db
        .select({ name: people.name })
        .from(people)
        .where(and(eq(people.councilId, caller.councilId), eq(people.id, r.decidedBy)))
    : []
  // a child of the family on a plan or under an enquiry (a sibling's, today's): never for a
  // restricted family, whose record stays closed to the front door
  const [known] = await db
    .select({ protection: protectionOf(sql`${caller.councilId}::uuid`, sql`${r.familyId}::uuid`) })
    .from(families)
    .where(and(eq(families.councilId, caller.councilId), eq(families.id, r.familyId), eq(families.restricted, false)))
  return {
    ...summary!,
    protection: known?.protection ?? null,
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
