import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { z } from 'zod'
import {
  adminTasks,
  allocations,
  type CaseStepRow,
  caseStepChanges,
  caseSteps,
  children,
  clockDues,
  clockLengths,
  clockSettings,
  createTask,
  holdContact,
  DEFAULT_WARNING_DAYS,
  type Executor,
  people,
  type Tx,
  WARNING_SETTING,
  writeAudit,
} from '@hearth/db'
import { together } from '@hearth/db'
import type { StepBody, StepCorrect, StepCreate } from '@hearth/contracts'
import {
  CLOCK_IDS,
  CLOCKS,
  type ClockId,
  londonDateOf,
  STEP_DATES,
  STEP_KINDS,
  stepHoldsContact,
  stepProblems,
} from '@hearth/domain'
import type { Deps } from '../../kernel/context'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { familyInScope, holdingTeamId } from '../families/family-queries'
import { myTeam } from '../team-board/team-board-queries'
import {
  asStep,
  clockViews,
  forgetClockSettings,
  refreshClocks,
  refreshCouncilClocks,
  stepLabel,
} from './clock-queries'
import type { Caller } from '../../kernel/caller'

type Step = z.infer<typeof StepBody>

/** Only the team holding the family records its statutory steps (or, while nobody holds it, anyone who may see it). */
async function mustHold(deps: Deps, caller: Caller, familyId: string) {
  await familyInScope(deps.db, caller.councilId, caller.familyScope, familyId)
  const teamId = await holdingTeamId(deps.db, caller.councilId, familyId)
  if (teamId && !caller.teams.some((t) => t.id === teamId))
    throw new AppError('forbidden', 'Only the team holding this family records its statutory steps.')
}

async function stepViews(ex: Executor, councilId: string, rows: CaseStepRow[]) {
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const [kids, fixes] = await together(
    ex,
    () =>
      ex
        .select({ id: children.id, first: children.firstName, last: children.lastName })
        .from(children)
        .where(and(eq(children.councilId, councilId), inArray(children.id, [...new Set(rows.map((r) => r.childId))]))),
    () =>
      ex
        .select({ stepId: caseStepChanges.stepId, n: count() })
        .from(caseStepChanges)
        .where(and(eq(caseStepChanges.councilId, councilId), inArray(caseStepChanges.stepId, ids)))
        .groupBy(caseStepChanges.stepId),
  )
  return rows.map((r) => {
    const k = kids.find((x) => x.id === r.childId)
    return {
      id: r.id,
      familyId: r.familyId,
      childId: r.childId,
      childName: k ? `${k.first} ${k.last}` : 'A child',
      kind: r.kind as Step['kind'],
      label: stepLabel(r.kind),
      on: r.onDate,
      endOn: r.endDate,
      details: r.details as Record<string, unknown>,
      version: r.version,
      corrections: fixes.find((f) => f.stepId === r.id)?.n ?? 0,
    }
  })
}

async function dueOf(ex: Executor, councilId: string, where: ReturnType<typeof and>) {
  const rows = await ex
    .select()
    .from(clockDues)
    .where(and(eq(clockDues.councilId, councilId), where))
  return clockViews(ex, councilId, rows, londonDateOf(new Date()))
}

/** The family's statutory steps, oldest first, and every clock running for its children. */
export async function familyCaseProcess(deps: Deps, caller: Caller, familyId: string) {
  await familyInScope(deps.db, caller.councilId, caller.familyScope, familyId)
  const rows = await deps.db
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.councilId, caller.councilId), eq(caseSteps.familyId, familyId)))
    .orderBy(asc(caseSteps.onDate), asc(caseSteps.createdAt))
  return {
    steps: await stepViews(deps.db, caller.councilId, rows),
    clocks: await dueOf(deps.db, caller.councilId, eq(clockDues.familyId, familyId)),
  }
}

const toProblemStep = (id: string, s: Step) =>
  asStep({ id, kind: s.kind, onDate: s.on, endDate: s.endOn ?? null, details: s.details } as CaseStepRow)

function refuseProblems(step: Step, id: string, others: CaseStepRow[]) {
  if (STEP_DATES[step.kind].end === null && step.endOn) throw invalid('body.endOn', 'this kind of step has no end date')
  const problems = stepProblems(toProblemStep(id, step), others.map(asStep), londonDateOf(new Date()))
  if (problems.length) throw new AppError('validation_failed', 'Check the highlighted answers.', problems)
}

/** The child's steps, locked, so two steps recorded at once are checked against each other. */
async function childStepsLocked(ex: Executor, councilId: string, childId: string) {
  await ex.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`case-steps:${childId}`}, 0))`)
  return ex
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.councilId, councilId), eq(caseSteps.childId, childId)))
}

/** Records a step for a child; the clocks that follow are worked out in the same transaction. */
export async function recordStep(deps: Deps, caller: Caller, familyId: string, input: z.infer<typeof StepCreate>) {
  const { db } = deps
  await mustHold(deps, caller, familyId)
  const [child] = await db
    .select({ id: children.id })
    .from(children)
    .where(
      and(eq(children.councilId, caller.councilId), eq(children.id, input.childId), eq(children.familyId, familyId)),
    )
  if (!child) throw invalid('body.childId', 'not a child of this family')
  const row = await db.transaction(async (tx) => {
    const others = await childStepsLocked(tx, caller.councilId, input.childId)
    refuseProblems(input, 'new', others)
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
    refuseProblems(
      input,
      id,
      all.filter((s) => s.id !== id),
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

/** A step with its corrections, newest first (who, when, why, before and after). */
export async function getStep(deps: Deps, caller: Caller, id: string) {
  const [row] = await deps.db
    .select()
    .from(caseSteps)
    .where(and(eq(caseSteps.councilId, caller.councilId), eq(caseSteps.id, id)))
  if (!row) throw notFound('step')
  await familyInScope(deps.db, caller.councilId, caller.familyScope, row.familyId).catch(() => {
    throw notFound('step')
  })
  const changes = await deps.db
    .select({
      reason: caseStepChanges.reason,
      before: caseStepChanges.before,
      after: caseStepChanges.after,
      at: caseStepChanges.createdAt,
      by: people.name,
    })
    .from(caseStepChanges)
    .innerJoin(people, and(eq(people.id, caseStepChanges.changedBy), eq(people.councilId, caseStepChanges.councilId)))
    .where(and(eq(caseStepChanges.councilId, caller.councilId), eq(caseStepChanges.stepId, id)))
    .orderBy(desc(caseStepChanges.createdAt))
  const [view] = await stepViews(deps.db, caller.councilId, [row])
  return {
    ...view!,
    changes: changes.map((c) => ({
      reason: c.reason,
      by: c.by,
      at: c.at.toISOString(),
      before: c.before as Record<string, unknown>,
      after: c.after as Record<string, unknown>,
    })),
  }
}

async function heldFamilies(ex: Executor, councilId: string, by: { personId?: string; teamId?: string }) {
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
  return held.map((h) => h.familyId)
}

/** Every clock running for the families the actor works with (lead or co-worker), soonest first. */
export async function myClocks(deps: Deps, caller: Caller) {
  const ids = await heldFamilies(deps.db, caller.councilId, { personId: caller.personId })
  return ids.length ? dueOf(deps.db, caller.councilId, inArray(clockDues.familyId, ids)) : []
}

/** Every clock running for the families the team works with, soonest first: nobody's name on it. */
export async function teamClocks(deps: Deps, caller: Caller, teamId: string) {
  await myTeam(deps.db, caller, teamId)
  const ids = await heldFamilies(deps.db, caller.councilId, { teamId })
  return ids.length ? dueOf(deps.db, caller.councilId, inArray(clockDues.familyId, ids)) : []
}

/** The clocks, their lengths in this council and each length's history. */
export async function clockSettingsView(deps: Deps, caller: Caller) {
  const { lengths, warningDays } = await clockSettings(deps.db, caller.councilId)
  const history = await deps.db
    .select({
      clock: clockLengths.clock,
      length: clockLengths.length,
      reason: clockLengths.reason,
      at: clockLengths.createdAt,
      by: people.name,
    })
    .from(clockLengths)
    .innerJoin(people, and(eq(people.id, clockLengths.setBy), eq(people.councilId, clockLengths.councilId)))
    .where(eq(clockLengths.councilId, caller.councilId))
    .orderBy(desc(clockLengths.createdAt), desc(clockLengths.id))
  const historyOf = (clock: string) =>
    history
      .filter((h) => h.clock === clock)
      .map((h) => ({ length: h.length, reason: h.reason, setBy: h.by, setAt: h.at.toISOString() }))
  return [
    {
      clock: WARNING_SETTING,
      label: 'Warn that something is due soon',
      unit: 'working_days' as const,
      force: 'local' as const,
      source: 'Local: how many working days before a due date the lead, co-worker and team are told',
      defaultLength: DEFAULT_WARNING_DAYS,
      length: warningDays,
      history: historyOf(WARNING_SETTING),
    },
    ...CLOCK_IDS.map((id) => {
      const c = CLOCKS[id]
      return {
        clock: id,
        label: c.label,
        unit: c.unit,
        force: c.force,
        source: c.source,
        defaultLength: c.length,
        length: lengths[id] ?? c.length,
        history: historyOf(id),
      }
    }),
  ]
}

/** Sets a local clock's length (or the warning); every running clock is worked out again at once. */
export async function setClockLength(
  deps: Deps,
  caller: Caller,
  clock: string,
  input: { length: number; reason: string },
) {
  const known = clock === WARNING_SETTING || (CLOCK_IDS as string[]).includes(clock)
  if (!known) throw notFound('clock')
  if (clock !== WARNING_SETTING && CLOCKS[clock as ClockId].force !== 'local')
    throw new AppError('forbidden', 'This timescale is set in law or statutory guidance: a council cannot change it.')
  if (clock === WARNING_SETTING && input.length > 20) throw invalid('body.length', 'must be at most 20 working days')
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`clock-lengths:${caller.councilId}`}, 0))`)
    await tx.insert(clockLengths).values({
      councilId: caller.councilId,
      clock,
      length: input.length,
      reason: input.reason,
      setBy: caller.personId,
    })
    const n = await refreshCouncilClocks(tx, caller.councilId)
    forgetClockSettings(caller.councilId)
    await writeAudit(tx, {
      ...caller.audit,
      action: 'clock_length.set',
      recordType: 'clock',
      recordId: clock,
      details: { length: input.length, clocksRecomputed: n },
    })
  })
  return (await clockSettingsView(deps, caller)).find((c) => c.clock === clock)!
}

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
