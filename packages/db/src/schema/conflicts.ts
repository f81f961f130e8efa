import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { families } from './families'
import { people } from './organisation'
import { councilId, createdAt, id } from './_helpers'

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
