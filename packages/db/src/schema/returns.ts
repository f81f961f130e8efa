import { sql } from 'drizzle-orm'
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { people } from './organisation'
import { bytea } from './_helpers'
import { councilId, createdAt, id } from './_helpers'

/**
 * A census return produced for a collection year: who asked and when, its progress (children done
 * of the total), and when done the XML and the rule report. One queued or running at a time in a
 * council. Re-running makes a new row; each is kept.
 */
export const censusRuns = pgTable(
  'census_runs',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    /** The year the collection ends (2027 for 2026–27). */
    collectionYear: integer('collection_year').notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    childrenTotal: integer('children_total').notNull().default(0),
    childrenDone: integer('children_done').notNull().default(0),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    xml: text('xml'),
    /** The failing rules, each with the children it names (ids and LAchildIDs only). */
    report: jsonb('report'),
    /** A code when the run failed (never personal data). */
    error: text('error'),
  },
  (t) => [
    index('census_runs_council_idx').on(t.councilId, t.createdAt),
    uniqueIndex('census_runs_one_active_uq').on(t.councilId).where(sql`status in ('queued', 'running')`),
  ],
)
export type CensusRun = typeof censusRuns.$inferSelect

/** A census query (a rule ending Q) accepted with a reason, kept with the return: append-only. */
export const censusQueryReasons = pgTable(
  'census_query_reasons',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    runId: uuid('run_id')
      .notNull()
      .references(() => censusRuns.id),
    code: text('code').notNull(),
    reason: text('reason').notNull(),
    acceptedBy: uuid('accepted_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('census_query_reasons_once_uq').on(t.runId, t.code)],
)

/**
 * An Ofsted Annex A workbook produced for a period: who asked, its progress, and when done the
 * XLSX and each list's row count. One queued or running at a time in a council; each is kept.
 */
export const annexRuns = pgTable(
  'annex_runs',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    childrenTotal: integer('children_total').notNull().default(0),
    childrenDone: integer('children_done').notNull().default(0),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
    file: bytea('file'),
    /** Each list's number, name, row count, and the note when Hearth does not hold it. */
    lists: jsonb('lists'),
    error: text('error'),
  },
  (t) => [
    index('annex_runs_council_idx').on(t.councilId, t.createdAt),
    uniqueIndex('annex_runs_one_active_uq').on(t.councilId).where(sql`status in ('queued', 'running')`),
  ],
)
export type AnnexRun = typeof annexRuns.$inferSelect
