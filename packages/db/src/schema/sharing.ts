import { date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
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
