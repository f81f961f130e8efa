import { z } from 'zod'
import { TASK_TYPE_LIST } from '@hearth/domain/admin-tasks'
import { optionalText, requiredText, Uuid } from './common'

export const TaskView = z.object({
  id: Uuid,
  taskType: z.string(),
  label: z.string(),
  hasLetter: z.boolean(),
  status: z.enum(['open', 'claimed', 'done', 'cancelled', 'held']),
  /** Why a task that contacts the family is held for the lead's decision. */
  heldReason: z.string().nullable(),
  details: z.string().nullable(),
  familyId: Uuid.nullable(),
  familyName: z.string().nullable(),
  teamName: z.string().nullable(),
  requestedByName: z.string().nullable(),
  claimedById: Uuid.nullable(),
  claimedByName: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  completedByName: z.string().nullable(),
  outcome: z.string().nullable(),
  reference: z.string().nullable(),
  minutesSaved: z.number().int(),
  /** For a task about a visit: what the enabler needs to arrange it, and no more of the case. */
  visit: z
    .object({
      kind: z.string(),
      startsAt: z.string(),
      durationMinutes: z.number().int(),
      place: z.string(),
      attendees: z.array(z.string()),
      othersAttending: z.string().nullable(),
      language: z.string().nullable(),
      status: z.string(),
    })
    .nullable(),
})
export const TaskQuery = z.object({
  status: z.enum(['open', 'mine', 'done']).default('open'),
  type: z.enum(TASK_TYPE_LIST as [string, ...string[]], { message: 'not a task type' }).optional(),
  teamId: Uuid.optional(),
})
export const CompleteInput = z.object({ outcome: requiredText(2000, 'what was done'), reference: optionalText(200) })
export const AskInput = z.object({ request: requiredText(2000, 'what you need') })
export const TaskStats = z.object({
  since: z.string(),
  byType: z.array(
    z.object({
      taskType: z.string(),
      label: z.string(),
      created: z.number().int(),
      done: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
      medianMinutesToComplete: z.number().int().nullable(),
    }),
  ),
  savedByTeamWeek: z.array(
    z.object({
      teamId: Uuid,
      teamName: z.string(),
      week: z.string(),
      minutes: z.number().int(),
      tasks: z.number().int(),
    }),
  ),
})
export const TaskSetting = z.object({
  taskType: z.string(),
  label: z.string(),
  dueHours: z.number().int(),
  minutesSaved: z.number().int(),
  councilOwn: z.boolean(),
})
export const TaskSettingInput = z.object({
  dueHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  minutesSaved: z.number().int().min(0).max(600),
})
export const TaskTypeParams = z.object({
  taskType: z.enum(TASK_TYPE_LIST as [string, ...string[]], { message: 'not a task type' }),
})
