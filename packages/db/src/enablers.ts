import { and, eq } from 'drizzle-orm'
import { TASK_TYPES, type TaskType } from '@hearth/domain/admin-tasks'
import { contactsFamily, heldReasonText } from '@hearth/domain/contact-holds'
import { openContactHolds } from './contact'
import type { Executor } from './client'
import { adminTasks, taskTypeSettings } from './schema'

/** The council's due time and minutes saved for a task type (its own setting, else Hearth's). */
export async function taskTypeSetting(ex: Executor, councilId: string, taskType: TaskType) {
  const [own] = await ex
    .select()
    .from(taskTypeSettings)
    .where(and(eq(taskTypeSettings.councilId, councilId), eq(taskTypeSettings.taskType, taskType)))
  return {
    dueHours: own?.dueHours ?? TASK_TYPES[taskType].dueHours,
    minutesSaved: own?.minutesSaved ?? TASK_TYPES[taskType].minutesSaved,
  }
}

export interface NewTask {
  councilId: string
  sourceKey: string
  taskType: TaskType
  teamId: string | null
  familyId?: string | null
  visitId?: string | null
  referralId?: string | null
  requestedBy?: string | null
  details?: string | null
  /** Due no later than this (e.g. before the visit itself). */
  notAfter?: Date | null
  /** Due counted from this moment instead of now (e.g. minutes: after the meeting). */
  from?: Date | null
}

/**
 * Creates a task unless one with the same source key exists. Returns its id when created.
 * Contact with a family under a hold (see `contact-holds.ts`) is created `held`, with the reasons:
 * no enabler can send it until the lead decides. Every task is made here, so no path escapes it.
 */
export async function createTask(ex: Executor, t: NewTask): Promise<string | null> {
  const setting = await taskTypeSetting(ex, t.councilId, t.taskType)
  const holds = t.familyId && contactsFamily(t.taskType) ? await openContactHolds(ex, t.councilId, t.familyId) : []
  let due = new Date((t.from ?? new Date()).getTime() + setting.dueHours * 3600_000)
  if (t.notAfter && t.notAfter < due) due = new Date(Math.max(Date.now() + 3600_000, t.notAfter.getTime()))
  const rows = await ex
    .insert(adminTasks)
    .values({
      councilId: t.councilId,
      sourceKey: t.sourceKey,
      taskType: t.taskType,
      teamId: t.teamId,
      familyId: t.familyId ?? null,
      visitId: t.visitId ?? null,
      referralId: t.referralId ?? null,
      requestedBy: t.requestedBy ?? null,
      details: t.details ?? null,
      dueAt: due,
      minutesSaved: setting.minutesSaved,
      ...(holds.length ? { status: 'held' as const, heldReason: heldReasonText(holds.map((h) => h.reason)) } : {}),
    })
    .onConflictDoNothing()
    .returning({ id: adminTasks.id })
  return rows[0]?.id ?? null
}
