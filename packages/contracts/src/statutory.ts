import { z } from 'zod'
import { ASSESSMENT_FACTOR_LIST } from '@hearth/domain'
import { optionalText, Uuid } from './common'
import { IsoDate } from './families'

/** Start a child and family assessment; the referral date is the latest referral's unless given. */
export const AssessmentStart = z.object({
  childId: z.uuid({ message: 'choose the child' }),
  startedOn: IsoDate,
  referralDate: IsoDate.nullable().optional(),
})

/** Finish it: authorised on a date, with the factors identified (census codes). */
export const AssessmentFinish = z.object({
  version: z.number({ message: 'the version you changed is required' }).int().min(1),
  authorisedOn: IsoDate,
  factors: z
    .array(z.enum(ASSESSMENT_FACTOR_LIST, { message: 'not a census factor code' }))
    .max(20)
    .default([]),
  summary: optionalText(5000),
})

export const AssessmentView = z.object({
  id: Uuid,
  familyId: Uuid,
  familyName: z.string(),
  childId: Uuid,
  childName: z.string(),
  referralDate: z.string(),
  startedOn: z.string(),
  authorisedOn: z.string().nullable(),
  factors: z.array(z.string()),
  summary: z.string().nullable(),
  /** 45 working days from the referral (WT2023 ch.3). */
  dueDate: z.string(),
  state: z.enum(['on_track', 'due_soon', 'overdue', 'finished']),
  version: z.number().int(),
})
