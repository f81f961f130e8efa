import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { councilId, createdAt, id } from './_helpers'

/**
 * Transactional outbox: a job is written in the same transaction as the action that causes
 * it, and a relay in the worker hands it to BullMQ (jobId = outbox id, so a second hand-over
 * is dropped by BullMQ). Redis being down delays work; it never loses it.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    jobName: text('job_name').notNull(),
    /** Ids only, never personal data. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    /** Handed to BullMQ (and, until finished, last found there by the sweep). */
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true, mode: 'date' }),
    /**
     * The job ran to the end. Until then the row is kept as the job's copy: a job Redis lost
     * (restarted without its data) is handed again by the sweep, so nothing lives only in Redis.
     */
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    attempts: integer('attempts').notNull().default(0),
  },
  (t) => [
    index('outbox_pending_idx').on(t.dispatchedAt, t.createdAt),
    index('outbox_council_idx').on(t.councilId),
    index('outbox_unfinished_idx').on(t.dispatchedAt).where(sql`finished_at is null and dispatched_at is not null`),
  ],
)
