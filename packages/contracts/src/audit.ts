import { inYears } from './common'
import { z } from 'zod'
import { isIsoDate } from '@hearth/domain/dates'
import { Uuid } from './common'

const IsoDate = z
  .string()
  .refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD', params: { format: 'date' } })
  .refine(inYears, { message: 'must be a date between 1900 and 2100' })

export const AuditFilters = z.object({
  personId: Uuid.optional(),
  childId: Uuid.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
})
export const AuditQuery = AuditFilters.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
})
export const AuditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorPersonId: Uuid.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  familyId: Uuid.nullable(),
  childId: Uuid.nullable(),
  route: z.string().nullable(),
  method: z.string().nullable(),
  ip: z.string().nullable(),
})
export const AuditPage = z.object({ events: z.array(AuditEvent), nextBefore: z.number().int().nullable() })

export const AuditExport = z.object({
  id: Uuid,
  status: z.enum(['queued', 'running', 'done', 'failed']),
  filters: AuditFilters,
  rowCount: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
})

export const DeadLetter = z.object({
  queue: z.string(),
  jobId: z.string(),
  name: z.string(),
  attemptsMade: z.number().int(),
  failedReason: z.string(),
  failedAt: z.string().nullable(),
})
export const DeadLetterParams = z.object({ queue: z.string().min(1).max(100), jobId: z.string().min(1).max(100) })
