import { integer } from 'drizzle-orm/pg-core'
import { createdAt, id } from './_helpers'
import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { councilId } from './_helpers'

/**
 * Append-only: a database trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE.
 * Holds identifiers only, never names or notes.
 *
 * Partitioned by month on `at` (migration 0038; drizzle cannot say so, the SQL does): one table a
 * month, `audit_events_yYYYYmMM`, made three months ahead by `hearth_audit_partitions()` (the
 * worker's hourly sweep calls it), and a default partition so a row is never refused. The primary
 * key therefore includes `at`. Searches are newest first by id, within a council, optionally by
 * person, child or family: one index for each, so a search reads a few rows of each month it
 * covers, and a date range skips the months outside it.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    councilId: councilId().references(() => councils.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorPersonId: uuid('actor_person_id'),
    /** e.g. "child.read", "family.update", "auth.sign_in_failed" */
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id'),
    familyId: uuid('family_id'),
    childId: uuid('child_id'),
    route: text('route'),
    method: text('method'),
    ip: text('ip'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ name: 'audit_events_pkey', columns: [t.id, t.at] }),
    index('audit_council_id_idx').on(t.councilId, t.id),
    index('audit_council_actor_idx').on(t.councilId, t.actorPersonId, t.id),
    index('audit_council_child_idx').on(t.councilId, t.childId, t.id),
    index('audit_council_family_idx').on(t.councilId, t.familyId, t.id),
  ],
)
export type AuditEvent = typeof auditEvents.$inferSelect

/** An administrator's request for a CSV of the audit trail, produced by the worker. */
export const auditExports = pgTable(
  'audit_exports',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    requestedBy: uuid('requested_by').notNull(),
    filters: jsonb('filters').$type<{ personId?: string; childId?: string; from?: string; to?: string }>().notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    rowCount: integer('row_count'),
    content: text('content'),
    error: text('error'),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('audit_exports_council_idx').on(t.councilId, t.createdAt),
    index('audit_exports_requested_by_idx').on(t.requestedBy),
  ],
)
export type AuditExport = typeof auditExports.$inferSelect
