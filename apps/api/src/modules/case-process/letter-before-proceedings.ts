import { and, eq, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import type { Tx } from '@hearth/db/client'
import { createTask } from '@hearth/db/enablers'
import { type CaseStepRow, caseStepChanges, caseSteps } from '@hearth/db/schema/case-process'
import { adminTasks } from '@hearth/db/schema/enablers'
import { londonDateOf } from '@hearth/domain/working-days'
import type { Deps } from '../../kernel/context'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { holdingTeamId } from '../families/family-queries'
import { refreshClocks } from './clock-queries'
import type { Caller } from '../../kernel/caller'
import { mustHold } from './case-process-queries'

/**
 * Asks the enablers to send the letter before proceedings for a pre-proceedings step (once per
 * step): the letter carries the offer of a family group decision-making meeting unless the step
 * says it is not offered. Returns the task's id, and whether it was asked for now.
 */
export async function askForLetterBeforeProceedings(deps: Deps, caller: Caller, stepId: string) {
  const [step] = await deps.db
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.councilId, caller.councilId), eq(caseSteps.id, stepId)))
  if (!step) throw notFound('step')
  await mustHold(deps, caller, step.familyId).catch((e: AppError) => {
    throw e.code === 'not_found' ? notFound('step') : e
  })
  if (step.kind !== 'pre_proceedings') throw invalid('params.id', 'not a pre-proceedings step')
  if ((step.details as { lbpSentOn?: string | null }).lbpSentOn)
    throw new AppError('conflict', 'The letter before proceedings has already been sent.')
  const teamId = await holdingTeamId(deps.db, caller.councilId, step.familyId)
  const sourceKey = `lbp:${step.id}`
  const created = await deps.db.transaction(async (tx) => {
    const id = await createTask(tx, {
      councilId: caller.councilId,
      sourceKey,
      taskType: 'letter_before_proceedings',
      teamId,
      familyId: step.familyId,
      requestedBy: caller.personId,
      details: 'Letter before proceedings, from the pre-proceedings step on the family page.',
    })
    if (id)
      await writeAudit(tx, {
        ...caller.audit,
        action: 'task.letter_before_proceedings',
        recordType: 'admin_task',
        recordId: id,
        familyId: step.familyId,
        childId: step.childId,
      })
    return id
  })
  const [task] = await deps.db
    .select({ id: adminTasks.id, status: adminTasks.status })
    .from(adminTasks)
    .where(and(eq(adminTasks.councilId, caller.councilId), eq(adminTasks.sourceKey, sourceKey)))
  return { taskId: task!.id, status: task!.status, created: created !== null, teamId }
}

/**
 * The enablers sent the letter: the step records the day it went (and that it offered the
 * meeting, unless the step said it would not), as a correction with why.
 */
export async function letterBeforeProceedingsSent(tx: Tx, councilId: string, stepId: string, by: string) {
  const [before] = await tx
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.councilId, councilId), eq(caseSteps.id, stepId)))
    .for('update')
  if (before?.kind !== 'pre_proceedings') return
  const d = before.details as Record<string, unknown>
  if (d.lbpSentOn) return
  const details = { ...d, lbpSentOn: londonDateOf(new Date()), fgdmOffered: d.fgdmOffered !== false }
  const [after] = await tx
    .update(caseSteps)
    .set({ details, version: before.version + 1, updatedAt: sql`now()` })
    .where(and(eq(caseSteps.councilId, councilId), eq(caseSteps.id, stepId)))
    .returning()
  const snap = (s: CaseStepRow) => ({ on: s.onDate, endOn: s.endDate, details: s.details })
  await tx.insert(caseStepChanges).values({
    councilId,
    stepId,
    changedBy: by,
    reason: 'The enablers sent the letter before proceedings.',
    before: snap(before),
    after: snap(after!),
  })
  await refreshClocks(tx, councilId, [before.childId])
}
