import { isoDate, Pence } from './common'
import { z } from 'zod'
import { INSIGHT_KINDS } from '@hearth/domain/insight'
import { DateTime, requiredText, Uuid } from './common'

// -------------------------------------------------------------------- consultation and coaching
export const InsightRequestInput = z.object({
  kind: z.enum(INSIGHT_KINDS, { message: 'a consultation or coaching' }),
  topic: z.string({ message: 'choose what it is about' }).trim().min(1, { message: 'choose what it is about' }).max(60),
  /** About a family; leave out when the team asks for itself. */
  familyId: Uuid.nullable().optional(),
  /** The asking team, when there is no family (a team asks for coaching). */
  teamId: Uuid.nullable().optional(),
  question: requiredText(5000, 'what you would like help with'),
})
export const BookSessionInput = z.object({
  sessionAt: DateTime('give a date and time, e.g. 2026-03-27T10:00:00Z'),
  sessionMinutes: z
    .number({ message: 'give the length in minutes' })
    .int()
    .min(15, { message: 'at least 15 minutes' })
    .max(480),
  attendees: requiredText(1000, 'who attends'),
})
export const AdviceInput = z.object({
  advice: z
    .string({ message: 'write the advice' })
    .trim()
    .min(20, { message: 'write the advice in a few sentences (20 characters at least)' })
    .max(20000),
})
export const InsightRequestView = z.object({
  id: Uuid,
  kind: z.enum(INSIGHT_KINDS),
  topic: z.string(),
  topicLabel: z.string(),
  teamId: Uuid,
  teamName: z.string(),
  familyId: Uuid.nullable(),
  familyName: z.string().nullable(),
  question: z.string(),
  askedByName: z.string(),
  askedAt: z.string(),
  status: z.enum(['waiting', 'taken', 'booked', 'advice_given', 'withdrawn']),
  takenById: Uuid.nullable(),
  takenByName: z.string().nullable(),
  takenAt: z.string().nullable(),
  sessionAt: z.string().nullable(),
  sessionMinutes: z.number().int().nullable(),
  attendees: z.string().nullable(),
  advice: z.string().nullable(),
  adviceAt: z.string().nullable(),
  waitDueAt: z.string(),
  waitingTooLong: z.boolean(),
})
export const InsightQueueQuery = z.object({
  view: z.enum(['waiting', 'mine', 'done', 'team']).default('waiting'),
  teamId: Uuid.optional(),
})
export const InsightSettingsView = z.object({ waitWorkingDays: z.number().int(), councilOwn: z.boolean() })
export const InsightSettingsInput = z.object({
  waitWorkingDays: z
    .number({ message: 'give a number of working days' })
    .int()
    .min(1, { message: 'at least one working day' })
    .max(30),
})

// -------------------------------------------------------------------- commissioning
export const CommissionInput = z.object({
  need: requiredText(2000, 'what is needed'),
  why: requiredText(5000, 'why the family needs it, and why no listed service fits'),
  familyView: requiredText(5000, 'what the family thinks, in their words'),
  weeks: z.number({ message: 'give the number of weeks' }).int().min(1, { message: 'at least one week' }).max(260),
  budgetPence: Pence('the budget').refine((n) => n > 0, { message: 'give a budget' }),
})
export const CommissionRecordInput = z
  .object({
    providerName: requiredText(300, 'the provider'),
    serviceId: Uuid.nullable().optional(),
    weeklyPence: Pence('cost per week').refine((n) => n > 0, {
      message: 'the cost per week must be more than nothing',
    }),
    startDate: isoDate('the start date'),
    endDate: isoDate('the end date'),
  })
  .refine((v) => v.endDate >= v.startDate, {
    message: 'the end date must be on or after the start date',
    path: ['endDate'],
  })
export const CommissionView = z.object({
  id: Uuid,
  teamId: Uuid,
  teamName: z.string(),
  familyId: Uuid,
  familyName: z.string(),
  askedByName: z.string(),
  askedAt: z.string(),
  need: z.string(),
  why: z.string(),
  familyView: z.string(),
  weeks: z.number().int(),
  budgetPence: z.number().int(),
  status: z.enum(['waiting', 'taken', 'commissioned', 'withdrawn']),
  takenById: Uuid.nullable(),
  takenByName: z.string().nullable(),
  providerName: z.string().nullable(),
  serviceId: Uuid.nullable(),
  weeklyPence: z.number().int().nullable(),
  totalPence: z.number().int().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  proposalId: Uuid.nullable(),
  proposalStatus: z.string().nullable(),
  route: z.enum(['team', 'strategy']).nullable(),
  overBudget: z.boolean(),
  waitingTooLong: z.boolean(),
})
export const CommissionQuery = z.object({ view: z.enum(['waiting', 'mine', 'done', 'team']).default('waiting') })
