import { sql } from 'drizzle-orm'
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { children, families } from './families'
import { people } from './organisation'
import { bytea } from './admin-tasks'
import { councilId, createdAt, id, updatedAt } from './_helpers'

/**
 * A child and family assessment (census `Assessments`): its clock runs 45 working days from the
 * referral date; authorising it (with the factors identified) finishes it. One open at a time for
 * a child.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** The clock's start: the date of the referral (not the assessment's own start). */
    referralDate: date('referral_date', { mode: 'string' }).notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    authorisedOn: date('authorised_on', { mode: 'string' }),
    /** Census factor codes identified at the end (N00181). */
    factors: text('factors').array().notNull().default(sql`'{}'::text[]`),
    /** What the assessment found, in plain words. */
    summary: text('summary'),
    startedBy: uuid('started_by')
      .notNull()
      .references(() => people.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('assessments_council_family_idx').on(t.councilId, t.familyId),
    uniqueIndex('assessments_one_open_uq').on(t.childId).where(sql`authorised_on is null`),
  ],
)
export type Assessment = typeof assessments.$inferSelect

/**
 * A step of the statutory case process on a child's record (domain `STEP_KINDS`): an episode, a
 * strategy discussion, an enquiry, a conference, a plan, a visit, a review, being looked after, a
 * placement, pre-proceedings. Its date, an end date where the kind has one, and coded answers
 * checked by kind (contracts `StepDetails`). Corrected, never deleted: each correction is kept in
 * `case_step_changes`.
 */
export const caseSteps = pgTable(
  'case_steps',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    kind: text('kind').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    details: jsonb('details').notNull().default(sql`'{}'::jsonb`),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => people.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('case_steps_council_child_idx').on(t.councilId, t.childId),
    index('case_steps_council_family_idx').on(t.councilId, t.familyId),
  ],
)
export type CaseStepRow = typeof caseSteps.$inferSelect

/** Every correction of a step, the step before and after, with why: append-only. */
export const caseStepChanges = pgTable(
  'case_step_changes',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    stepId: uuid('step_id')
      .notNull()
      .references(() => caseSteps.id),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => people.id),
    reason: text('reason').notNull(),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('case_step_changes_step_idx').on(t.councilId, t.stepId)],
)

/**
 * The clocks running now, one row each, worked out from the steps and assessments whenever they
 * change (never typed in): the alert sweep and the screens read due dates here. The key stays the
 * same while the start event is the same, so a corrected date moves the row.
 */
export const clockDues = pgTable(
  'clock_dues',
  {
    councilId: councilId().references(() => councils.id),
    key: text('key').notNull(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    clock: text('clock').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    stepId: uuid('step_id'),
    assessmentId: uuid('assessment_id'),
    /** The day the sweep last told the team about this clock at this due date (kept with the row to read it cheaply). */
    alertedOn: date('alerted_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.councilId, t.key] }),
    index('clock_dues_council_due_idx').on(t.councilId, t.dueOn),
    index('clock_dues_council_family_idx').on(t.councilId, t.familyId),
    index('clock_dues_child_idx').on(t.childId),
  ],
)
export type ClockDueRow = typeof clockDues.$inferSelect

/**
 * An alert the daily sweep raised: a clock due soon or overdue, once per clock, due date and level
 * (so a second run raises nothing, and a corrected date can raise again).
 */
export const clockAlerts = pgTable(
  'clock_alerts',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    key: text('key').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    level: text('level').notNull(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    raisedOn: date('raised_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('clock_alerts_once_uq').on(t.councilId, t.key, t.dueOn, t.level),
    index('clock_alerts_family_idx').on(t.councilId, t.familyId),
  ],
)

/**
 * A council's own length for a local clock (or its warning, in working days, under the name
 * `due_soon_warning`), with who set it and why: the latest row for a clock is the one in force;
 * the rows before it are its history. Append-only.
 */
export const clockLengths = pgTable(
  'clock_lengths',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    clock: text('clock').notNull(),
    length: integer('length').notNull(),
    reason: text('reason').notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index('clock_lengths_council_idx').on(t.councilId, t.clock, t.createdAt)],
)

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
