import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { children, families } from './families'
import { people, teams } from './organisation'
import { councilId, createdAt, id } from './_helpers'

/**
 * A request for help or a concern about children, received by the front door. The decision
 * clock (one working day) is stored as its start event (`received_at`) and the due date derived
 * from it with the council's calendar.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    reference: text('reference').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    receivedBy: uuid('received_by')
      .notNull()
      .references(() => people.id),
    /** Census ReferralSource code. */
    source: text('source').notNull(),
    referrerName: text('referrer_name'),
    referrerOrganisation: text('referrer_organisation'),
    referrerContact: text('referrer_contact'),
    /** The worries in the referrer's own words. */
    worries: text('worries').notNull(),
    /** What the family knows about the referral, and what they have agreed to. */
    familyKnowledge: text('family_knowledge'),
    familyConsent: text('family_consent').notNull().default('unknown'),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    status: text('status', { enum: ['awaiting_decision', 'decided'] })
      .notNull()
      .default('awaiting_decision'),
    decision: text('decision'),
    decisionReasons: text('decision_reasons'),
    primaryNeedCode: text('primary_need_code'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedBy: uuid('decided_by').references(() => people.id),
    /** A team already working with the family when the referral came in. */
    openCaseTeamId: uuid('open_case_team_id').references(() => teams.id),
    routingStatus: text('routing_status', { enum: ['not_needed', 'queued', 'routed', 'unroutable'] })
      .notNull()
      .default('not_needed'),
    routingNote: text('routing_note'),
    routedTeamId: uuid('routed_team_id').references(() => teams.id),
    routedAt: timestamp('routed_at', { withTimezone: true, mode: 'date' }),
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('referrals_council_reference_uq').on(t.councilId, t.reference),
    uniqueIndex('referrals_council_idempotency_uq').on(t.councilId, t.idempotencyKey),
    index('referrals_council_status_due_idx').on(t.councilId, t.status, t.dueAt),
    index('referrals_council_routing_idx').on(t.councilId, t.routingStatus),
    index('referrals_council_family_idx').on(t.councilId, t.familyId),
    index('referrals_received_by_idx').on(t.receivedBy),
    index('referrals_decided_by_idx').on(t.decidedBy),
    index('referrals_open_case_team_idx').on(t.openCaseTeamId),
    index('referrals_routed_team_idx').on(t.routedTeamId),
  ],
)
export type Referral = typeof referrals.$inferSelect

/** The children a referral is about: new records, or known children the officer linked. */
export const referralChildren = pgTable(
  'referral_children',
  {
    councilId: councilId().references(() => councils.id),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    linked: boolean('linked').notNull(),
  },
  (t) => [
    uniqueIndex('referral_children_pk').on(t.councilId, t.referralId, t.childId),
    index('referral_children_child_idx').on(t.councilId, t.childId),
  ],
)

/** A family put on a family-facing team's board, waiting to be held (the team-board issue adds claiming). */
export const offers = pgTable(
  'offers',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    /** One offer per referral: a repeated routing job can never make a second. */
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    status: text('status', { enum: ['waiting', 'held', 'withdrawn'] })
      .notNull()
      .default('waiting'),
    /** The family was already open to this team when the referral arrived. */
    openCase: boolean('open_case').notNull().default(false),
    offeredAt: timestamp('offered_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** When a practitioner took the family (for "how long families waited"). */
    heldAt: timestamp('held_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('offers_council_referral_uq').on(t.councilId, t.referralId),
    index('offers_council_team_status_idx').on(t.councilId, t.teamId, t.status, t.offeredAt),
    index('offers_council_family_idx').on(t.councilId, t.familyId),
  ],
)
