import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { families } from './families'
import { people } from './organisation'
import { councilId, createdAt, id } from './_helpers'

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
