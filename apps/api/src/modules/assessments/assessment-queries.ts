import { and, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import { type Assessment, assessments } from '@hearth/db/schema/assessments'
import { children, families } from '@hearth/db/schema/families'
import { referrals } from '@hearth/db/schema/referrals'
import { allocations } from '@hearth/db/schema/team-board'
import { together } from '@hearth/db/together'
import { assessmentClock } from '@hearth/domain/assessments'
import { londonDateOf } from '@hearth/domain/working-days'
import { notFound } from '../../kernel/errors'
import { councilHolidays } from '../calendar/calendar-queries'
import { familyInScope } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'

type Ex = Db | Tx

/** Assessments as the screens show them: the family and child by name, the clock worked out now. */
export async function assessmentViews(ex: Ex, councilId: string, rows: Assessment[], now = new Date()) {
  if (!rows.length) return []
  const holidays = await councilHolidays(ex, councilId)
  const [kids, fams] = await together(
    ex,
    () =>
      ex
        .select({ id: children.id, first: children.firstName, last: children.lastName })
        .from(children)
        .where(and(eq(children.councilId, councilId), inArray(children.id, [...new Set(rows.map((r) => r.childId))]))),
    () =>
      ex
        .select({ id: families.id, name: families.name })
        .from(families)
        .where(and(eq(families.councilId, councilId), inArray(families.id, [...new Set(rows.map((r) => r.familyId))]))),
  )
  return rows.map((a) => ({
    id: a.id,
    familyId: a.familyId,
    familyName: fams.find((f) => f.id === a.familyId)?.name ?? '',
    childId: a.childId,
    childName: (({ first, last } = kids.find((k) => k.id === a.childId) ?? { first: 'A', last: 'child' }) =>
      `${first} ${last}`)(),
    referralDate: a.referralDate,
    startedOn: a.startedOn,
    authorisedOn: a.authorisedOn,
    factors: a.factors,
    summary: a.summary,
    ...assessmentClock(a, now, holidays),
    version: a.version,
  }))
}

/** An assessment of a family in the actor's scope; anything else is "not found". */
export async function assessmentFor(ex: Ex, caller: Caller, id: string, lock = false) {
  const q = ex
    .select()
    .from(assessments)
    .where(and(eq(assessments.councilId, caller.councilId), eq(assessments.id, id)))
  const [a] = lock ? await q.for('update') : await q
  if (!a) throw notFound('assessment')
  await familyInScope(ex, caller.councilId, caller.familyScope, a.familyId).catch(() => {
    throw notFound('assessment')
  })
  return a
}

/** The date of the family's latest referral, if any (the assessment clock starts there). */
export async function latestReferralDate(ex: Ex, councilId: string, familyId: string): Promise<string | null> {
  const [r] = await ex
    .select({ at: referrals.receivedAt })
    .from(referrals)
    .where(and(eq(referrals.councilId, councilId), eq(referrals.familyId, familyId)))
    .orderBy(desc(referrals.receivedAt))
    .limit(1)
  return r ? londonDateOf(r.at) : null
}

/** Open assessments of the families these people work with now (lead or co-worker), or a team holds. */
export async function openAssessmentsOf(ex: Ex, councilId: string, by: { personId?: string; teamId?: string }) {
  const held = await ex
    .selectDistinct({ familyId: allocations.familyId })
    .from(allocations)
    .where(
      and(
        eq(allocations.councilId, councilId),
        isNull(allocations.endedAt),
        by.personId ? eq(allocations.personId, by.personId) : eq(allocations.teamId, by.teamId!),
      ),
    )
  if (!held.length) return []
  return ex
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.councilId, councilId),
        isNull(assessments.authorisedOn),
        inArray(
          assessments.familyId,
          held.map((h) => h.familyId),
        ),
      ),
    )
}
