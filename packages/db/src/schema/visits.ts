import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { families } from './families'
import { people, teams } from './organisation'
import { councilId, createdAt, id } from './_helpers'

/** A visit as it stood before a change: when, how long, where, booked or cancelled, and why. */
export interface VisitSnapshot {
  startsAt: string
  durationMinutes: number
  place: string
  status: 'booked' | 'cancelled'
  lastChangeReason: string | null
}

/** A booked appointment with a family. Moving or cancelling keeps a reason. */
export const visits = pgTable(
  'visits',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    kind: text('kind').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    place: text('place').notNull(),
    /** Staff who come. */
    attendeeIds: uuid('attendee_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** Family members and others who come, in plain words. */
    othersAttending: text('others_attending'),
    interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
    status: text('status', { enum: ['booked', 'cancelled'] })
      .notNull()
      .default('booked'),
    lastChangeReason: text('last_change_reason'),
    bookedBy: uuid('booked_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('visits_council_family_idx').on(t.councilId, t.familyId, t.startsAt),
    index('visits_council_team_day_idx').on(t.councilId, t.teamId, t.startsAt),
    index('visits_booked_by_idx').on(t.bookedBy),
  ],
)
export type Visit = typeof visits.$inferSelect

/**
 * How each visit stood before every change (moved, cancelled, its place rewritten), written by a
 * trigger on `visits` whoever changes it (migration 0042), append-only. The family's link shows a
 * visit as it stood when contact was first held, so a move made during a hold ("joint interview
 * with the police") never reaches the family before the lead decides.
 */
export const visitChanges = pgTable(
  'visit_changes',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    before: jsonb('before').$type<VisitSnapshot>().notNull(),
  },
  (t) => [index('visit_changes_visit_idx').on(t.councilId, t.visitId, t.changedAt)],
)
