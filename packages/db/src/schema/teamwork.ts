import { sql } from 'drizzle-orm'
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
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
export type Allocation = typeof allocations.$inferSelect

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
export type TeamDecision = typeof teamDecisions.$inferSelect

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

/** A visit as it stood before a change: when, how long, where, booked or cancelled, and why. */
export interface VisitSnapshot {
  startsAt: string
  durationMinutes: number
  place: string
  status: 'booked' | 'cancelled'
  lastChangeReason: string | null
}

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

/**
 * Letters and messages the family must get (for now: who their workers are). The enablers'
 * queue (a later issue) sends them; until then they wait here, visible on the family's page.
 */
export const familyLetters = pgTable(
  'family_letters',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    kind: text('kind', { enum: ['your_workers'] }).notNull(),
    status: text('status', { enum: ['to_send', 'sent'] })
      .notNull()
      .default('to_send'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('family_letters_council_family_idx').on(t.councilId, t.familyId, t.createdAt)],
)

/**
 * Holds on contacting the family. While one is open, anything Hearth would send the family by
 * itself is held for the lead's decision. Placed by a referral ("the family does not know"), a
 * strategy-discussion decision, or the team; ended only by the lead, with a reason. Never deleted.
 */
export const contactHolds = pgTable(
  'contact_holds',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    reason: text('reason', {
      enum: ['family_not_aware', 'safeguarding_enquiry', 'lead_marked', 'unsafe_in_household', 'unsafe_recipient'],
    }).notNull(),
    /** The team's own words, for a hold they placed. */
    note: text('note'),
    referralId: uuid('referral_id'),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    startedBy: uuid('started_by').references(() => people.id),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    endedBy: uuid('ended_by').references(() => people.id),
    endReason: text('end_reason'),
  },
  (t) => [
    index('contact_holds_family_idx').on(t.councilId, t.familyId, t.endedAt),
    index('contact_holds_started_by_idx').on(t.startedBy),
    index('contact_holds_ended_by_idx').on(t.endedBy),
  ],
)
export type ContactHold = typeof contactHolds.$inferSelect
