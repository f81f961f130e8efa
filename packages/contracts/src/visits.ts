import { Reason } from './common'
import { z } from 'zod'
import { VISIT_KIND_LIST } from '@hearth/domain/allocation'
import { DateTime, optionalText, requiredText, Uuid } from './common'

export const VisitInput = z.object({
  kind: z.enum(VISIT_KIND_LIST as [string, ...string[]], { message: 'choose the kind of visit or meeting' }),
  startsAt: DateTime('must be a date and time, like 2026-11-24T10:00:00Z'),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(8 * 60)
    .default(60),
  place: requiredText(300, 'where'),
  attendeeIds: z.array(Uuid).max(10).default([]),
  othersAttending: optionalText(500),
  interpreterNeeded: z.boolean().optional(),
})
export const VisitMove = z
  .object({
    startsAt: DateTime('must be a date and time').optional(),
    durationMinutes: z
      .number()
      .int()
      .min(5)
      .max(8 * 60)
      .optional(),
    place: requiredText(300, 'where').optional(),
    reason: Reason,
  })
  .refine((m) => m.startsAt || m.place || m.durationMinutes, {
    message: 'say what changes: the time, the length or the place',
    path: ['startsAt'],
  })
export const VisitCancel = z.object({ reason: Reason })

export const VisitView = z.object({
  id: Uuid,
  familyId: Uuid,
  familyName: z.string(),
  kind: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  place: z.string(),
  attendees: z.array(z.object({ personId: Uuid, name: z.string() })),
  othersAttending: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  status: z.enum(['booked', 'cancelled']),
  lastChangeReason: z.string().nullable(),
})
