import { and, eq, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { writeAudit } from '@hearth/db/audit'
import { holdContact } from '@hearth/db/contact'
import { type CaseStepRow, caseStepChanges, caseSteps } from '@hearth/db/schema/case-process'
import { children } from '@hearth/db/schema/families'
import type { StepCorrect, StepCreate } from '@hearth/contracts/case-process'
import { STEP_KINDS } from '@hearth/domain/case-steps'
import { stepHoldsContact } from '@hearth/domain/contact-holds'
import type { Deps } from '../../kernel/context'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { refreshClocks } from './clock-queries'
import type { Caller } from '../../kernel/caller'
import { childStepsLocked, mustHold, refuseProblems, stepViews } from './case-process-queries'

/** Records a step for a child; the clocks that follow are worked out in the same transaction. */
export async function recordStep(deps: Deps, caller: Caller, familyId: string, input: z.infer<typeof StepCreate>) {
  const { db } = deps
  await mustHold(deps, caller, familyId)
  const [child] = await db
    .select({ id: children.id, dateOfBirth: children.dateOfBirth })
    .from(children)
    .where(
      and(eq(children.councilId, caller.councilId), eq(children.id, input.childId), eq(children.familyId, familyId)),
    )
  if (!child) throw invalid('body.childId', 'not a child of this family')
  const row = await db.transaction(async (tx) => {
    const others = await childStepsLocked(tx, caller.councilId, input.childId)
    refuseProblems(input, 'new', others, child)
    const [s] = await tx
      .insert(caseSteps)
      .values({
        councilId: caller.councilId,
        familyId,
        childId: input.childId,
        kind: input.kind,
        onDate: input.on,
        endDate: input.endOn ?? null,
        details: input.details,
        recordedBy: caller.personId,
      })
      .returning()
    await refreshClocks(tx, caller.councilId, [input.childId])
    // a strategy discussion or an open section 47 enquiry holds contact, exactly as at the front door
    if (stepHoldsContact(input))
      await holdContact(tx, caller.audit, {
        familyId,
        reason: 'safeguarding_enquiry',
        note: `Recorded on the family page: ${STEP_KINDS[input.kind].toLowerCase()}`,
      })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'case_step.record',
      recordType: 'case_step',
      recordId: s!.id,
      familyId,
      childId: input.childId,
      details: { kind: input.kind },
    })
    return s!
  })
  return (await stepViews(db, caller.councilId, [row]))[0]!
}

/** Corrects a step (its date, end or answers), keeping the step before in its history. */
export async function correctStep(deps: Deps, caller: Caller, id: string, input: z.infer<typeof StepCorrect>) {
  const { db } = deps
  const [found] = await db
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.councilId, caller.councilId), eq(caseSteps.id, id)))
  if (!found) throw notFound('step')
  await mustHold(deps, caller, found.familyId).catch((e: AppError) => {
    throw e.code === 'not_found' ? notFound('step') : e
  })
  if (input.kind !== found.kind) throw invalid('body.kind', 'a step keeps its kind: record a new step instead')
  const row = await db.transaction(async (tx) => {
    const all = await childStepsLocked(tx, caller.councilId, found.childId)
    const before = all.find((s) => s.id === id)!
    if (before.version !== input.version)
      throw new AppError('conflict', 'Someone changed this step while you were looking. Look again.')
    const [kid] = await tx
      .select({ dateOfBirth: children.dateOfBirth })
      .from(children)
      .where(and(eq(children.councilId, caller.councilId), eq(children.id, found.childId)))
    refuseProblems(
      input,
      id,
      all.filter((s) => s.id !== id),
      kid,
    )
    const [after] = await tx
      .update(caseSteps)
      .set({
        onDate: input.on,
        endDate: input.endOn ?? null,
        details: input.details,
        version: before.version + 1,
        updatedAt: sql`now()`,
      })
      .where(and(eq(caseSteps.councilId, caller.councilId), eq(caseSteps.id, id)))
      .returning()
    const snap = (s: CaseStepRow) => ({ on: s.onDate, endOn: s.endDate, details: s.details })
    await tx.insert(caseStepChanges).values({
      councilId: caller.councilId,
      stepId: id,
      changedBy: caller.personId,
      reason: input.reason,
      before: snap(before),
      after: snap(after!),
    })
    await refreshClocks(tx, caller.councilId, [found.childId])
    await writeAudit(tx, {
      ...caller.audit,
      action: 'case_step.correct',
      recordType: 'case_step',
      recordId: id,
      familyId: found.familyId,
      childId: found.childId,
    })
    return after!
  })
  return (await stepViews(db, caller.councilId, [row]))[0]!
}
