import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { councilId } from './_helpers'

/**
 * Append-only: a database trigger (migration 0001) refuses UPDATE, DELETE and TRUNCATE.
 * Holds identifiers only, never names or notes.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
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
    index('audit_council_at_idx').on(t.councilId, t.at),
    index('audit_council_actor_idx').on(t.councilId, t.actorPersonId, t.at),
    index('audit_council_child_idx').on(t.councilId, t.childId, t.at),
    index('audit_council_family_idx').on(t.councilId, t.familyId, t.at),
  ],
)
export type AuditEvent = typeof auditEvents.$inferSelect
