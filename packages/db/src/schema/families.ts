import { timestamp } from 'drizzle-orm/pg-core'
import { people } from './organisation'
import { sql } from 'drizzle-orm'
import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { patches } from './organisation'
import { councilId, createdAt, id, updatedAt } from './_helpers'

export const families = pgTable(
  'families',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    /** Human reference shown to staff, e.g. "F-00042"; never personal data. */
    reference: text('reference').notNull(),
    /** How the family is known, e.g. "Quillfeather family". */
    name: text('name').notNull(),
    addressLine1: text('address_line1').notNull(),
    addressLine2: text('address_line2'),
    town: text('town').notNull(),
    postcode: text('postcode').notNull(),
    /** Derived from the postcode; null when no patch covers it. */
    patchId: uuid('patch_id').references(() => patches.id),
    language: text('language').notNull().default('English'),
    interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
    /**
     * A confidential address (a refuge; somewhere a parent must not find): shown only to the
     * staff named here, never printed on a letter, a family link or a list another can see.
     */
    addressConfidential: boolean('address_confidential').notNull().default(false),
    addressShownTo: uuid('address_shown_to').array().notNull().default(sql`'{}'::uuid[]`),
    addressConfidentialReason: text('address_confidential_reason'),
    /**
     * A restricted record (a child placed for adoption; a family of a member of staff; a case in the
     * news): only the staff named here see it; everyone else gets "not found" everywhere, unless
     * they break the glass (`break_glass`).
     */
    restricted: boolean('restricted').notNull().default(false),
    restrictedTo: uuid('restricted_to').array().notNull().default(sql`'{}'::uuid[]`),
    restrictedReason: text('restricted_reason'),
    /** Three Conversations: 1 what matters, 2 crisis and stability, 3 a good life. */
    conversationStage: integer('conversation_stage').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('families_council_reference_uq').on(t.councilId, t.reference),
    index('families_council_patch_idx').on(t.councilId, t.patchId),
    index('families_council_postcode_idx').on(t.councilId, t.postcode),
    // the addresses every answer is masked against (plugins/address-mask.ts): a handful per council
    index('families_confidential_idx').on(t.councilId).where(sql`${t.addressConfidential}`),
  ],
)
export type Family = typeof families.$inferSelect

export const children = pgTable(
  'children',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    /** Census LAchildID: ≤ 20 letters and digits. */
    laChildId: text('la_child_id').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    expectedDateOfBirth: date('expected_date_of_birth', { mode: 'string' }),
    sex: text('sex', { enum: ['M', 'F', 'U'] }).notNull(),
    ethnicity: text('ethnicity').notNull().default('NOBT'),
    nhsNumber: text('nhs_number'),
    upn: text('upn'),
    /** Census UPNunknown (UN1–UN7) when there is no UPN. */
    upnUnknown: text('upn_unknown'),
    /** Census disability codes (NONE, or the disabilities). */
    disabilities: text('disabilities').array().notNull().default(sql`'{}'::text[]`),
    dateOfDeath: date('date_of_death', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('children_council_la_child_id_uq').on(t.councilId, t.laChildId),
    index('children_council_family_idx').on(t.councilId, t.familyId),
    index('children_council_name_idx').on(t.councilId, t.lastName, t.firstName),
  ],
)
export type Child = typeof children.$inferSelect

/** A parent, carer, relative, friend or professional around the children. */
export const adults = pgTable(
  'adults',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    name: text('name').notNull(),
    /** In the family's words: "Mum", "Nan", "school nurse". */
    description: text('description'),
    phone: text('phone'),
    livesWithFamily: boolean('lives_with_family').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('adults_council_family_idx').on(t.councilId, t.familyId)],
)
export type Adult = typeof adults.$inferSelect

/** A typed link from an adult to a child on the relationship map (later issues deepen it). */
export const relationships = pgTable(
  'relationships',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    adultId: uuid('adult_id')
      .notNull()
      .references(() => adults.id),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    kind: text('kind').notNull(),
    /** What is good about this relationship, in plain words. */
    strengths: text('strengths'),
    /** What worries people about it. */
    worries: text('worries'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('relationships_pair_uq').on(t.councilId, t.adultId, t.childId, t.kind),
    index('relationships_council_family_idx').on(t.councilId, t.familyId),
    index('relationships_council_child_idx').on(t.councilId, t.childId),
  ],
)
export type Relationship = typeof relationships.$inferSelect

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
