import { sql } from 'drizzle-orm'
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { children, families } from './families'
import { people } from './organisation'
import { councilId, createdAt, id, updatedAt } from './_helpers'

/**
 * A child and family assessment (census `Assessments`): its clock runs 45 working days from the
 * referral date; authorising it (with the factors identified) finishes it. One open at a time for
 * a child.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    /** The clock's start: the date of the referral (not the assessment's own start). */
    referralDate: date('referral_date', { mode: 'string' }).notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    authorisedOn: date('authorised_on', { mode: 'string' }),
    /** Census factor codes identified at the end (N00181). */
    factors: text('factors').array().notNull().default(sql`'{}'::text[]`),
    /** What the assessment found, in plain words. */
    summary: text('summary'),
    startedBy: uuid('started_by')
      .notNull()
      .references(() => people.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('assessments_council_family_idx').on(t.councilId, t.familyId),
    uniqueIndex('assessments_one_open_uq').on(t.childId).where(sql`authorised_on is null`),
  ],
)
export type Assessment = typeof assessments.$inferSelect
