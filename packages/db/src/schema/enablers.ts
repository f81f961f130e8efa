import { bytea } from './_helpers'
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { families } from './families'
import { people, teams } from './organisation'
import { councilId, createdAt, id } from './_helpers'

/**
 * Work for the enablers. `source_key` names the action that caused it (e.g. "visit:<id>:interpreter_booking"):
 * unique per council, so a retried or repeated job never makes a second task.
 */
export const adminTasks = pgTable(
  'admin_tasks',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    sourceKey: text('source_key').notNull(),
    taskType: text('task_type').notNull(),
    /** The team whose work this saves (for "minutes saved per team and week"). */
    teamId: uuid('team_id').references(() => teams.id),
    familyId: uuid('family_id').references(() => families.id),
    visitId: uuid('visit_id'),
    referralId: uuid('referral_id'),
    requestedBy: uuid('requested_by').references(() => people.id),
    /** Free text for "ask an enabler"; otherwise a short plain description. */
    details: text('details'),
    /** `held`: contact with the family waiting for the lead's decision (`heldReason` says why). */
    status: text('status', { enum: ['open', 'claimed', 'done', 'cancelled', 'held'] })
      .notNull()
      .default('open'),
    heldReason: text('held_reason'),
    /** The lead's decision about held contact, in their words (send it, or not, and why). */
    holdDecision: text('hold_decision'),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    minutesSaved: integer('minutes_saved').notNull(),
    claimedBy: uuid('claimed_by').references(() => people.id),
    claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'date' }),
    claimExpiresAt: timestamp('claim_expires_at', { withTimezone: true, mode: 'date' }),
    completedBy: uuid('completed_by').references(() => people.id),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    outcome: text('outcome'),
    reference: text('reference'),
    /** The letter as sent (PDF), kept with the task. */
    artefact: bytea('artefact'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('admin_tasks_source_uq').on(t.councilId, t.sourceKey),
    index('admin_tasks_queue_idx').on(t.councilId, t.status, t.dueAt),
    index('admin_tasks_family_idx').on(t.councilId, t.familyId),
    index('admin_tasks_team_idx').on(t.councilId, t.teamId, t.completedAt),
    index('admin_tasks_requested_by_idx').on(t.requestedBy),
    index('admin_tasks_claimed_by_idx').on(t.claimedBy),
    index('admin_tasks_completed_by_idx').on(t.completedBy),
  ],
)
export type AdminTask = typeof adminTasks.$inferSelect

/** A council's own due times and minutes-saved estimates, where they differ from Hearth's. */
export const taskTypeSettings = pgTable(
  'task_type_settings',
  {
    councilId: councilId().references(() => councils.id),
    taskType: text('task_type').notNull(),
    dueHours: integer('due_hours').notNull(),
    minutesSaved: integer('minutes_saved').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('task_type_settings_pk').on(t.councilId, t.taskType)],
)
