import { sql } from 'drizzle-orm'
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { children, families } from './families'
import { people } from './organisation'
import { councilId, createdAt, id, updatedAt } from './_helpers'

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
 * Every clock running now, one row each (domain `CLOCKS`), and the one place the sweep and the
 * screens read due dates. A child's clocks are worked out from the steps and assessments whenever
 * they change (never typed in): the key stays the same while the start event is the same, so a
 * corrected date moves the row. A clock of a record of its own (a referral's decision, a
 * complaint's answer, a subject access request's copy) starts when the record arrives, names it in
 * `record_id` and stops when it is answered.
 */
export const clockDues = pgTable(
  'clock_dues',
  {
    councilId: councilId().references(() => councils.id),
    key: text('key').notNull(),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    /** The child whose steps it runs on; none for a record's own clock. */
    childId: uuid('child_id').references(() => children.id),
    clock: text('clock').notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    stepId: uuid('step_id'),
    assessmentId: uuid('assessment_id'),
    /** The referral, complaint or request the clock runs on, where it runs on a record. */
    recordId: uuid('record_id'),
    /** The day the sweep last told the team about this clock at this due date (kept with the row to read it cheaply). */
    alertedOn: date('alerted_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.councilId, t.key] }),
    index('clock_dues_council_due_idx').on(t.councilId, t.dueOn),
    index('clock_dues_council_family_idx').on(t.councilId, t.familyId),
    index('clock_dues_child_idx').on(t.childId),
    check('clock_dues_runs_on_ck', sql`${t.childId} is not null or ${t.recordId} is not null`),
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
