import { and, eq, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { assessments } from '@hearth/db/schema/assessments'
import { children } from '@hearth/db/schema/families'
import type { z } from 'zod'
import type { AssessmentFinish, AssessmentStart } from '@hearth/contracts/case-process'
import { assessmentProblems } from '@hearth/domain/assessments'
import { londonDateOf } from '@hearth/domain/working-days'
import type { Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import { refreshClocks } from '../case-process/clock-queries'
import { familyInScope } from '../families/family-queries'
import { assessmentFor, assessmentViews, latestReferralDate } from './assessment-queries'
import type { Caller } from '../../kernel/caller'

/** Starts a child and family assessment; its clock runs 45 working days from the referral date. */
export async function startAssessment(
  deps: Deps,
  caller: Caller,
  familyId: string,
  input: z.infer<typeof AssessmentStart>,
) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const [child] = await db
    .select({ id: children.id })
    .from(children)
    .where(
      and(eq(children.councilId, caller.councilId), eq(children.id, input.childId), eq(children.familyId, familyId)),
    )
  if (!child) throw invalid('body.childId', 'not a child of this family')
  const referralDate =
    input.referralDate ?? (await latestReferralDate(db, caller.councilId, familyId)) ?? input.startedOn
  const problems = assessmentProblems(
    { referralDate, startedOn: input.startedOn, authorisedOn: null, factors: [] },
    londonDateOf(new Date()),
  )
  if (problems.length) throw new AppError('validation_failed', 'Check the highlighted answers.', problems)
  const row = await db.transaction(async (tx) => {
    const [a] = await tx
      .insert(assessments)
      .values({
        councilId: caller.councilId,
        familyId,
        childId: input.childId,
        referralDate,
        startedOn: input.startedOn,
        startedBy: caller.personId,
      })
      .onConflictDoNothing()
      .returning()
    if (!a) throw new AppError('conflict', 'This child already has an assessment open: finish it first.')
    await refreshClocks(tx, caller.councilId, [input.childId])
    await writeAudit(tx, {
      ...caller.audit,
      action: 'assessment.start',
      recordType: 'assessment',
      recordId: a.id,
      familyId,
      childId: input.childId,
    })
    return a
  })
  return (await assessmentViews(db, caller.councilId, [row]))[0]!
}

/** Finishes it: the date it was authorised and the factors identified; kept as written after. */
export async function finishAssessment(
  deps: Deps,
  caller: Caller,
  id: string,
  input: z.infer<typeof AssessmentFinish>,
) {
  const { db } = deps
  await assessmentFor(db, caller, id)
  const row = await db.transaction(async (tx) => {
    const a = await assessmentFor(tx, caller, id, true)
    if (a.authorisedOn) throw new AppError('conflict', 'This assessment is already finished.')
    if (a.version !== input.version)
      throw new AppError('conflict', 'Someone changed this assessment while you were looking. Look again.')
    const problems = assessmentProblems(
      {
        referralDate: a.referralDate,
        startedOn: a.startedOn,
        authorisedOn: input.authorisedOn,
        factors: input.factors,
      },
      londonDateOf(new Date()),
    )
    if (problems.length) throw new AppError('validation_failed', 'Check the highlighted answers.', problems)
    const [done] = await tx
      .update(assessments)
      .set({
        authorisedOn: input.authorisedOn,
        factors: input.factors,
        summary: input.summary ?? null,
        version: a.version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(eq(assessments.councilId, caller.councilId), eq(assessments.id, id)))
      .returning()
    await refreshClocks(tx, caller.councilId, [a.childId])
    await writeAudit(tx, {
      ...caller.audit,
      action: 'assessment.finish',
      recordType: 'assessment',
      recordId: id,
      familyId: a.familyId,
      childId: a.childId,
    })
    return done!
  })
  return (await assessmentViews(db, caller.councilId, [row]))[0]!
}
