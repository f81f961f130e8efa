import { and, asc, eq, sql } from 'drizzle-orm'
import { assessments, children, writeAudit } from '@hearth/db'
import type { z } from 'zod'
import type { AssessmentFinish, AssessmentStart } from '@hearth/contracts'
import { assessmentProblems, londonDateOf } from '@hearth/domain'
import type { Ctx, Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { refreshClocks } from '../case-process/clock-queries'
import { familyInScope } from '../families/family-queries'
import { myTeam } from '../team-board/team-board-queries'
import { assessmentFor, assessmentViews, latestReferralDate, openAssessmentsOf } from './assessment-queries'

const byDue = <T extends { dueDate: string }>(list: T[]) => list.sort((a, b) => a.dueDate.localeCompare(b.dueDate))

export async function listFamilyAssessments(deps: Deps, ctx: Ctx, actor: Actor, familyId: string) {
  const { db } = deps
  await familyInScope(db, actor.councilId, actor.familyScope, familyId)
  const rows = await db
    .select()
    .from(assessments)
    .where(and(eq(assessments.councilId, ctx.councilId), eq(assessments.familyId, familyId)))
    .orderBy(asc(assessments.startedOn))
  return assessmentViews(db, ctx.councilId, rows)
}

/** Starts a child and family assessment; its clock runs 45 working days from the referral date. */
export async function startAssessment(
  deps: Deps,
  ctx: Ctx,
  actor: Actor,
  familyId: string,
  input: z.infer<typeof AssessmentStart>,
) {
  const { db } = deps
  await familyInScope(db, actor.councilId, actor.familyScope, familyId)
  const [child] = await db
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.councilId, ctx.councilId), eq(children.id, input.childId), eq(children.familyId, familyId)))
  if (!child) throw invalid('body.childId', 'not a child of this family')
  const referralDate = input.referralDate ?? (await latestReferralDate(db, ctx.councilId, familyId)) ?? input.startedOn
  const problems = assessmentProblems(
    { referralDate, startedOn: input.startedOn, authorisedOn: null, factors: [] },
    londonDateOf(new Date()),
  )
  if (problems.length) throw new AppError('validation_failed', 'Check the highlighted answers.', problems)
  const row = await db.transaction(async (tx) => {
    const [a] = await tx
      .insert(assessments)
      .values({
        councilId: ctx.councilId,
        familyId,
        childId: input.childId,
        referralDate,
        startedOn: input.startedOn,
        startedBy: actor.personId,
      })
      .onConflictDoNothing()
      .returning()
    if (!a) throw new AppError('conflict', 'This child already has an assessment open: finish it first.')
    await refreshClocks(tx, ctx.councilId, [input.childId])
    await writeAudit(tx, {
      ...ctx,
      action: 'assessment.start',
      recordType: 'assessment',
      recordId: a.id,
      familyId,
      childId: input.childId,
    })
    return a
  })
  return (await assessmentViews(db, ctx.councilId, [row]))[0]!
}

/** Finishes it: the date it was authorised and the factors identified; kept as written after. */
export async function finishAssessment(
  deps: Deps,
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: z.infer<typeof AssessmentFinish>,
) {
  const { db } = deps
  await assessmentFor(db, actor, id)
  const row = await db.transaction(async (tx) => {
    const a = await assessmentFor(tx, actor, id, true)
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
      .where(and(eq(assessments.councilId, ctx.councilId), eq(assessments.id, id)))
      .returning()
    await refreshClocks(tx, ctx.councilId, [a.childId])
    await writeAudit(tx, {
      ...ctx,
      action: 'assessment.finish',
      recordType: 'assessment',
      recordId: id,
      familyId: a.familyId,
      childId: a.childId,
    })
    return done!
  })
  return (await assessmentViews(db, ctx.councilId, [row]))[0]!
}

export async function getAssessment(deps: Deps, ctx: Ctx, actor: Actor, id: string) {
  const a = await assessmentFor(deps.db, actor, id)
  return (await assessmentViews(deps.db, ctx.councilId, [a]))[0]!
}

/** The actor's own families' open assessments, soonest due first (for My day). */
export async function myDueAssessments(deps: Deps, ctx: Ctx, actor: Actor) {
  const rows = await openAssessmentsOf(deps.db, ctx.councilId, { personId: actor.personId })
  return byDue(await assessmentViews(deps.db, ctx.councilId, rows))
}

/** The team's families' open assessments, soonest due first (for the team board). */
export async function teamDueAssessments(deps: Deps, ctx: Ctx, actor: Actor, teamId: string) {
  await myTeam(deps.db, actor, teamId)
  const rows = await openAssessmentsOf(deps.db, ctx.councilId, { teamId })
  return byDue(await assessmentViews(deps.db, ctx.councilId, rows))
}
