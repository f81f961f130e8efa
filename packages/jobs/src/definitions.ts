import { z } from 'zod'
import { QUEUES, type QueueName } from './queues'

/**
 * Every job: a name, the queue it runs on and a zod payload schema. Payloads carry ids only,
 * never personal data; handlers re-read the current state. The worker checks at boot that
 * each job has exactly one handler.
 */
export const JOBS = {
  'audit.export': {
    queue: QUEUES.default,
    payload: z.object({ councilId: z.uuid(), exportId: z.uuid() }),
  },
  /** Puts a decided referral's family on the right family-facing team's board. */
  'referral.route': {
    queue: QUEUES.routing,
    payload: z.object({ councilId: z.uuid(), referralId: z.uuid() }),
  },
  /** Creates the admin tasks an action brings with it (a visit booked, workers changed, a referral received). */
  'admin.tasks': {
    queue: QUEUES.default,
    payload: z.object({
      councilId: z.uuid(),
      trigger: z.enum([
        'visit.booked',
        'visit.moved',
        'workers.changed',
        'referral.received',
        'insight.session_booked',
      ]),
      subjectId: z.uuid(),
      teamId: z.uuid().nullable().optional(),
    }),
  },
  /** Tells a team, live, that a referral arrived about a family it already works with. */
  'referral.open_case_alert': {
    queue: QUEUES.default,
    payload: z.object({ councilId: z.uuid(), referralId: z.uuid(), teamId: z.uuid() }),
  },
  /** Produces an Ofsted Annex A workbook for a period, with progress. */
  'annex.produce': {
    queue: QUEUES.default,
    payload: z.object({ councilId: z.uuid(), runId: z.uuid() }),
  },
  /** Produces a census return (XML and rule report) for a collection year, with progress. */
  'census.produce': {
    queue: QUEUES.default,
    payload: z.object({ councilId: z.uuid(), runId: z.uuid() }),
  },
  /**
   * A family's whole record (or a subject access request's gathering or redacted copy), produced
   * with progress on its `record_exports` row.
   */
  'record.export': {
    queue: QUEUES.default,
    payload: z.object({ councilId: z.uuid(), exportId: z.uuid() }),
  },
  /**
   * The clocks' sweep (hourly and at boot): raises each due-soon and overdue alert of every clock
   * once and tells who works on it live. `today` (a date) only in tests; one council or all.
   */
  'clocks.sweep': {
    queue: QUEUES.default,
    payload: z.object({
      councilId: z.uuid().optional(),
      today: z.iso.date().optional(),
    }),
  },
  /** Makes the audit trail's monthly partitions three months ahead (daily, and at boot). */
  'audit.partitions': {
    queue: QUEUES.default,
    payload: z.object({}),
  },
  /** Clears whole-record exports' files after 30 days (hourly): one council or all. */
  'record.exports_expire': {
    queue: QUEUES.default,
    payload: z.object({ councilId: z.uuid().optional() }),
  },
} satisfies Record<string, { queue: QueueName; payload: z.ZodType }>

export type JobName = keyof typeof JOBS
export type JobPayload<N extends JobName> = z.infer<(typeof JOBS)[N]['payload']>

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name)
}

export function parsePayload<N extends JobName>(name: N, payload: unknown): JobPayload<N> {
  return JOBS[name].payload.parse(payload) as JobPayload<N>
}
