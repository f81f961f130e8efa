import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { children, families } from './families'
import { people } from './organisation'
import { councilId, createdAt, id } from './_helpers'

/**
 * A decision to share, or not to share, information about a child with another agency
 * (Children's Wellbeing and Schools Act 2026, s.4). Kept as recorded: a trigger refuses change
 * and deletion; a later decision is a new row.
 */
export const sharingDecisions = pgTable(
  'sharing_decisions',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    decision: text('decision', { enum: ['share', 'withhold'] }).notNull(),
    /** What information, in words. */
    information: text('information').notNull(),
    recipientKind: text('recipient_kind', {
      enum: ['police', 'health', 'education', 'other_council', 'probation', 'voluntary', 'other'],
    }).notNull(),
    /** With whom: the agency (and the person there, if named). */
    recipient: text('recipient').notNull(),
    /** Why, in the child's interest (the welfare test). */
    reason: text('reason').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => people.id),
    recordedAt: createdAt(),
  },
  (t) => [
    index('sharing_decisions_council_child_idx').on(t.councilId, t.childId, t.decidedOn),
    index('sharing_decisions_council_family_idx').on(t.councilId, t.familyId),
    index('sharing_decisions_council_on_idx').on(t.councilId, t.decidedOn),
  ],
)
export type SharingDecisionRow = typeof sharingDecisions.$inferSelect

/**
 * A member of staff's declared relationship with a family (a relative, a neighbour, a friend): a
 * conflict of interest. While it stands they cannot see the family's record, from any route.
 * Ended by an administrator, with why; never deleted.
 */
export const staffConflicts = pgTable(
  'staff_conflicts',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    /** In their words: how they know the family. */
    reason: text('reason').notNull(),
    declaredAt: createdAt(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    endedBy: uuid('ended_by').references(() => people.id),
    endReason: text('end_reason'),
  },
  (t) => [
    index('staff_conflicts_council_person_idx').on(t.councilId, t.personId),
    index('staff_conflicts_council_family_idx').on(t.councilId, t.familyId),
  ],
)
export type StaffConflict = typeof staffConflicts.$inferSelect

/** Break-glass access to a restricted record: who, why, until when. Kept as written (trigger). */
export const breakGlass = pgTable(
  'break_glass',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    reason: text('reason').notNull(),
    startedAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('break_glass_council_person_idx').on(t.councilId, t.personId, t.expiresAt),
    index('break_glass_council_family_idx').on(t.councilId, t.familyId),
  ],
)

/**
 * Information governance's review of a break-glass opening: justified, or a concern to take up,
 * with a note. One per opening; kept as written (trigger).
 */
export const breakGlassReviews = pgTable(
  'break_glass_reviews',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    breakGlassId: uuid('break_glass_id')
      .notNull()
      .references(() => breakGlass.id),
    outcome: text('outcome', { enum: ['justified', 'concern'] }).notNull(),
    note: text('note'),
    reviewedBy: uuid('reviewed_by')
      .notNull()
      .references(() => people.id),
    reviewedAt: createdAt(),
  },
  (t) => [uniqueIndex('break_glass_reviews_one_uq').on(t.councilId, t.breakGlassId)],
)
