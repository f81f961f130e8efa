import { sql } from 'drizzle-orm'
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { adults, children, families, relationships } from './families'
import { people } from './organisation'
import { councilId, createdAt, id, updatedAt } from './_helpers'

/**
 * A person in the world around a child: family (parents, siblings, grandparents, partners),
 * professionals (teacher, health visitor, GP) and community (a neighbour, a faith leader). One
 * record, however many families' networks they are in (siblings in different households). A child
 * or adult of a family is also a network person, linked by `childId` or `adultId`.
 */
export const networkPeople = pgTable(
  'network_people',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    name: text('name').notNull(),
    /** F, M or U, where recorded (the genogram's square, circle or neutral shape). */
    sex: text('sex'),
    kind: text('kind', { enum: ['family', 'professional', 'community'] })
      .notNull()
      .default('family'),
    /** Who they are, in the family's words or their job: "Nan", "class teacher at Moor Lane". */
    role: text('role'),
    bornYear: integer('born_year'),
    diedYear: integer('died_year'),
    /** An expected baby (drawn dashed). */
    expected: boolean('expected').notNull().default(false),
    childId: uuid('child_id').references(() => children.id),
    adultId: uuid('adult_id').references(() => adults.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('network_people_council_idx').on(t.councilId),
    uniqueIndex('network_people_child_uq').on(t.councilId, t.childId).where(sql`child_id is not null`),
    uniqueIndex('network_people_adult_uq').on(t.councilId, t.adultId).where(sql`adult_id is not null`),
  ],
)

/** A person in a family's network, from when to when (removing ends it; history stays). */
export const networkMembers = pgTable(
  'network_members',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => networkPeople.id),
    /** Lives in the family's household (circled on the genogram). */
    inHousehold: boolean('in_household').notNull().default(false),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'date' }),
    removedReason: text('removed_reason'),
  },
  (t) => [
    index('network_members_family_idx').on(t.councilId, t.familyId),
    index('network_members_person_idx').on(t.councilId, t.personId),
    uniqueIndex('network_members_current_uq').on(t.familyId, t.personId).where(sql`removed_at is null`),
  ],
)

/**
 * How two people are related, in either direction where it matters ("parent of": from the parent
 * to the child). Ending it dates it; it is never deleted.
 */
export const networkLinks = pgTable(
  'network_links',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    fromId: uuid('from_id')
      .notNull()
      .references(() => networkPeople.id),
    toId: uuid('to_id')
      .notNull()
      .references(() => networkPeople.id),
    kind: text('kind').notNull(),
    /** For partners: married, cohabiting, separated or divorced. */
    partnership: text('partnership'),
    closeness: text('closeness').notNull().default('ordinary'),
    /** Who supports whom: from → to, to → from, both ways, or neither. */
    support: text('support').notNull().default('none'),
    good: text('good'),
    worries: text('worries'),
    /** Whether contact is safe: yes, supervised, no, not known. */
    contactSafe: text('contact_safe').notNull().default('unknown'),
    since: date('since', { mode: 'string' }),
    until: date('until', { mode: 'string' }),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'date' }),
    /** The family-page relationship (adult → child) this link was made from, if any. */
    relationshipId: uuid('relationship_id').references(() => relationships.id),
    endedReason: text('ended_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('network_links_from_idx').on(t.councilId, t.fromId),
    index('network_links_to_idx').on(t.councilId, t.toId),
    uniqueIndex('network_links_relationship_uq').on(t.relationshipId).where(sql`relationship_id is not null`),
  ],
)
export type NetworkLink = typeof networkLinks.$inferSelect

/** Every change to a family's network: who, when, why, before and after. Append-only. */
export const networkChanges = pgTable(
  'network_changes',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    personId: uuid('person_id').references(() => networkPeople.id),
    linkId: uuid('link_id').references(() => networkLinks.id),
    kind: text('kind', {
      enum: ['person_added', 'person_changed', 'person_removed', 'link_added', 'link_changed', 'link_ended'],
    }).notNull(),
    reason: text('reason'),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => people.id),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('network_changes_family_idx').on(t.councilId, t.familyId, t.changedAt)],
)
