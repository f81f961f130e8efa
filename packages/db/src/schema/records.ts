import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { bytea } from './_helpers'
import { councils } from './councils'
import { families } from './families'
import { people } from './organisation'
import { councilId, createdAt, id } from './_helpers'

/**
 * A subject access request (UK GDPR art. 15): the person asking, about a family's record, due one
 * calendar month after it was received. The information governance officer reviews what Hearth
 * marks as third-party information, then the redacted copy is produced and sent. Never deleted.
 */
export const subjectAccessRequests = pgTable(
  'subject_access_requests',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    reference: text('reference').notNull(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    /** Who asked: an adult or a child of the family (their own information). */
    requesterKind: text('requester_kind', { enum: ['adult', 'child'] }).notNull(),
    requesterId: uuid('requester_id').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['gathering', 'reviewing', 'producing', 'ready', 'sent', 'failed'] })
      .notNull()
      .default('gathering'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    sentOn: date('sent_on', { mode: 'string' }),
    sentBy: uuid('sent_by').references(() => people.id),
  },
  (t) => [
    index('sar_council_status_idx').on(t.councilId, t.status, t.dueOn),
    index('sar_council_family_idx').on(t.councilId, t.familyId),
  ],
)
export type SubjectAccessRequest = typeof subjectAccessRequests.$inferSelect

/**
 * A family's (or a subject access request's) whole record, produced by the worker with
 * progress: readable PDF, and for a whole-record export a JSON document and CSV files (zip) for
 * a system move. A request's first export gathers the record as it stood (kept, to review
 * against); its second is the redacted PDF.
 */
export const recordExports = pgTable(
  'record_exports',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    purpose: text('purpose', { enum: ['record', 'sar_gather', 'sar_response'] }).notNull(),
    sarId: uuid('sar_id').references(() => subjectAccessRequests.id),
    /** `expired`: a whole-record export's files cleared after RECORD_EXPORT_DAYS (the row stays). */
    status: text('status', { enum: ['queued', 'running', 'done', 'failed', 'expired'] })
      .notNull()
      .default('queued'),
    stepsTotal: integer('steps_total').notNull().default(0),
    stepsDone: integer('steps_done').notNull().default(0),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    pdf: bytea('pdf'),
    json: bytea('json'),
    csvZip: bytea('csv_zip'),
    /** Each kind of record and how many of it. */
    counts: jsonb('counts'),
    error: text('error'),
  },
  (t) => [index('record_exports_council_family_idx').on(t.councilId, t.familyId, t.createdAt)],
)
export type RecordExport = typeof recordExports.$inferSelect

/**
 * A passage or field Hearth marked as third-party information in a subject access request's
 * record, and the officer's decision on it: withhold or release, with why. A confidential
 * address is always withheld (`fixed`).
 */
export const sarRedactions = pgTable(
  'sar_redactions',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    sarId: uuid('sar_id')
      .notNull()
      .references(() => subjectAccessRequests.id),
    kind: text('kind').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    /** The passage to withhold; null: the whole field. */
    passage: text('passage'),
    reason: text('reason', {
      enum: ['third_party_name', 'third_party_details', 'other_agency', 'confidential_address'],
    }).notNull(),
    /** The words around the passage as gathered, for the officer to judge it. */
    context: text('context').notNull().default(''),
    fixed: boolean('fixed').notNull().default(false),
    decision: text('decision', { enum: ['withhold', 'release'] }),
    why: text('why'),
    decidedBy: uuid('decided_by').references(() => people.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('sar_redactions_council_sar_idx').on(t.councilId, t.sarId)],
)
export type SarRedaction = typeof sarRedactions.$inferSelect
