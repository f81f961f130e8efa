import { sql } from 'drizzle-orm'
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { families } from './families'
import { people, teams } from './organisation'
import { councilId, createdAt, id } from './_helpers'

/**
 * Who holds a family: one lead and one or more co-workers, all from the holding team. Rows are
 * ended, never deleted, so the family's history of workers stays. Partial unique indexes make "one
 * lead" and "one role per person" hold even under concurrent claims.
 */
export const allocations = pgTable(
  'allocations',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role', { enum: ['lead', 'co_worker'] }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    endedReason: text('ended_reason'),
  },
  (t) => [
    uniqueIndex('allocations_one_lead_uq').on(t.councilId, t.familyId).where(sql`role = 'lead' and ended_at is null`),
    uniqueIndex('allocations_one_role_uq').on(t.councilId, t.familyId, t.personId).where(sql`ended_at is null`),
    index('allocations_council_person_idx').on(t.councilId, t.personId, t.endedAt),
    index('allocations_council_team_idx').on(t.councilId, t.teamId, t.endedAt),
    index('allocations_family_idx').on(t.familyId),
  ],
)

/** The team's append-only decisions log (a trigger refuses changes, as for the audit trail). */
export const teamDecisions = pgTable(
  'team_decisions',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    kind: text('kind', { enum: ['allocation', 'handover', 'cap', 'rota', 'stage', 'other'] }).notNull(),
    /** In plain words, e.g. "Alice leads the Fernsby family with Bilal." */
    summary: text('summary').notNull(),
    /** Who was there when the team decided. */
    presentIds: uuid('present_ids').array().notNull().default(sql`'{}'::uuid[]`),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => people.id),
    familyId: uuid('family_id').references(() => families.id),
    details: jsonb('details').$type<Record<string, unknown>>(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('team_decisions_council_team_idx').on(t.councilId, t.teamId, t.decidedAt),
    index('team_decisions_family_idx').on(t.familyId),
    index('team_decisions_recorded_by_idx').on(t.recordedBy),
  ],
)

/** Who is on duty on which day, per team. */
export const dutyRota = pgTable(
  'duty_rota',
  {
    councilId: councilId().references(() => councils.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    day: date('day', { mode: 'string' }).notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('duty_rota_pk').on(t.councilId, t.teamId, t.day),
    index('duty_rota_person_idx').on(t.councilId, t.personId, t.day),
  ],
)
