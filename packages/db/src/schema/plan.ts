import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { families } from './families'
import { people } from './organisation'
import { councilId, createdAt, id, updatedAt } from './_helpers'

/**
 * One thing the family's plan says will happen: what, who (a worker, someone in the family or
 * their network, or a directory service) and by when. The row holds the item as it stands now;
 * `version` counts its changes, so two people changing it at once cannot overwrite each other.
 * Its history is in `plan_changes`.
 */
export const planItems = pgTable(
  'plan_items',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    what: text('what').notNull(),
    whoKind: text('who_kind', { enum: ['worker', 'family', 'network', 'service'] }).notNull(),
    /** The worker (people), family member (children or adults) or service (directory_services). */
    whoId: uuid('who_id'),
    /** A network member by name, until the relationships work makes them records of their own. */
    whoName: text('who_name'),
    byDate: date('by_date', { mode: 'string' }),
    status: text('status', { enum: ['to_do', 'done', 'not_done'] })
      .notNull()
      .default('to_do'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('plan_items_council_family_idx').on(t.councilId, t.familyId, t.createdAt)],
)
export type PlanItem = typeof planItems.$inferSelect

/** The item's facts as they were after a change (the history's snapshot). */
export interface PlanSnapshot {
  what: string
  whoKind: 'worker' | 'family' | 'network' | 'service'
  whoId: string | null
  whoName: string | null
  byDate: string | null
  status: 'to_do' | 'done' | 'not_done'
}

/** Every change to the plan, kept: append-only (a trigger refuses change and deletion). */
export const planChanges = pgTable(
  'plan_changes',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => planItems.id),
    kind: text('kind', { enum: ['added', 'changed', 'done', 'not_done', 'reopened'] }).notNull(),
    reason: text('reason'),
    /** The item's version this change made. */
    version: integer('version').notNull(),
    before: jsonb('before').$type<PlanSnapshot>(),
    after: jsonb('after').$type<PlanSnapshot>().notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => people.id),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('plan_changes_council_family_idx').on(t.councilId, t.familyId, t.changedAt),
    index('plan_changes_item_idx').on(t.councilId, t.itemId),
  ],
)
export type PlanChange = typeof planChanges.$inferSelect
