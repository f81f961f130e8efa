import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { adults, children, families } from './families'
import { people, teams } from './organisation'
import { visits } from './visits'
import { adminTasks } from './enablers'
import { councilId, createdAt, id } from './_helpers'

/**
 * A family's private link, issued to one named adult or young person. Only the SHA-256 of its
 * token is kept (the token is shown once, and printed in the letter that sends it); the optional
 * short code likewise. Ended by revoking or expiring, never deleted.
 */
export const familyLinks = pgTable(
  'family_links',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    /** Who it was issued to: exactly one of an adult or a child (a young person) of the family. */
    adultId: uuid('adult_id').references(() => adults.id),
    childId: uuid('child_id').references(() => children.id),
    tokenHash: text('token_hash').notNull(),
    codeHash: text('code_hash'),
    codeFailures: integer('code_failures').notNull().default(0),
    /** en, pl or ur: the pages' first language (the family can switch). */
    language: text('language').notNull().default('en'),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revokedBy: uuid('revoked_by').references(() => people.id),
    revokeReason: text('revoke_reason'),
    /** The lead's decision that the link may show what is new while contact is held, and why. */
    holdDecisionAt: timestamp('hold_decision_at', { withTimezone: true, mode: 'date' }),
    holdDecisionBy: uuid('hold_decision_by').references(() => people.id),
    holdDecision: text('hold_decision'),
    lastOpenedAt: timestamp('last_opened_at', { withTimezone: true, mode: 'date' }),
    renewedAt: timestamp('renewed_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    // across councils: the token is what tells us the council, as a session's does
    uniqueIndex('family_links_token_uq').on(t.tokenHash),
    index('family_links_council_family_idx').on(t.councilId, t.familyId, t.createdAt),
  ],
)
export type FamilyLink = typeof familyLinks.$inferSelect

/**
 * What the family said through their link, in their own words: kept as written. The team's
 * answer ("what happened") is added once, and the family sees it.
 */
export const familyMessages = pgTable(
  'family_messages',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    linkId: uuid('link_id')
      .notNull()
      .references(() => familyLinks.id),
    kind: text('kind', { enum: ['how_going', 'move_visit', 'matters', 'worry', 'complaint'] }).notNull(),
    /** How things are going, 1 (very bad) to 5 (very good). */
    scale: integer('scale'),
    words: text('words'),
    /** A visit they asked to move, and the times that suit them. */
    visitId: uuid('visit_id').references(() => visits.id),
    suits: text('suits'),
    /** The team that held the family when it was sent (for its board and the figures). */
    teamId: uuid('team_id').references(() => teams.id),
    /** A complaint: its stage 1 response is due (10 working days) and its enablers' task. */
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }),
    taskId: uuid('task_id').references(() => adminTasks.id),
    seenAt: timestamp('seen_at', { withTimezone: true, mode: 'date' }),
    seenBy: uuid('seen_by').references(() => people.id),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => people.id),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    /** The language of the pages it was written on (en, pl or ur); null from before it was kept. */
    language: text('language'),
    /** The Idempotency-Key it was sent with, if any: the same key through the same link is one message. */
    idempotencyKey: text('idempotency_key'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('family_messages_link_key_uq').on(t.councilId, t.linkId, t.idempotencyKey),
    index('family_messages_council_family_idx').on(t.councilId, t.familyId, t.createdAt),
    index('family_messages_council_team_idx').on(t.councilId, t.teamId, t.createdAt),
    index('family_messages_link_idx').on(t.linkId),
  ],
)
export type FamilyMessage = typeof familyMessages.$inferSelect

/** The council's settings for family links: how long they last, where complaints go. */
export const familyVoiceSettings = pgTable('family_voice_settings', {
  councilId: councilId()
    .primaryKey()
    .references(() => councils.id),
  linkDays: integer('link_days').notNull().default(90),
  /** The enablers' team that runs the complaints route; null until the administrator sets it. */
  complaintsTeamId: uuid('complaints_team_id').references(() => teams.id),
  updatedBy: uuid('updated_by').references(() => people.id),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
})

/** Someone the family chose to invite to their family group conference. */
export interface Invitee {
  name: string
  /** From the relationship map, where they are on it. */
  networkPersonId?: string | null
  relationship?: string | null
}

/**
 * A family group conference (or the family group decision-making meeting offered in
 * pre-proceedings), arranged with the family: who they invite, where and when (the booked
 * meeting), an independent coordinator, private family time, and the family's own plan.
 */
export const familyMeetings = pgTable(
  'family_meetings',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visits.id),
    kind: text('kind', { enum: ['fgc', 'fgdm'] }).notNull(),
    coordinator: text('coordinator'),
    invitees: jsonb('invitees').$type<Invitee[]>().notNull().default(sql`'[]'::jsonb`),
    privateTime: boolean('private_time').notNull().default(true),
    /** The family's own plan from the meeting, in their words (its items join the plan). */
    familyPlan: text('family_plan'),
    planRecordedAt: timestamp('plan_recorded_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('family_meetings_visit_uq').on(t.councilId, t.visitId),
    index('family_meetings_council_family_idx').on(t.councilId, t.familyId),
  ],
)
export type FamilyMeeting = typeof familyMeetings.$inferSelect
