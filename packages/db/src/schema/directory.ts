import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { families } from './families'
import { people, teams } from './organisation'
import { councilId, createdAt, id } from './_helpers'

// ---------------------------------------------------------------------------------------------
// The service directory, modelled on Open Referral UK (HSDS): organisations deliver services at
// locations; services carry eligibility, cost options, areas and needs. `orukId` is the record's
// identifier in the Open Referral file it came from (or Hearth's own id when made here), so a
// council's file can be loaded again without making duplicates.
// ---------------------------------------------------------------------------------------------

export const directoryOrganisations = pgTable(
  'directory_organisations',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    orukId: text('oruk_id').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    email: text('email'),
    url: text('url'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('directory_organisations_oruk_uq').on(t.councilId, t.orukId)],
)

export const directoryServices = pgTable(
  'directory_services',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    orukId: text('oruk_id').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => directoryOrganisations.id),
    name: text('name').notNull(),
    description: text('description').notNull(),
    url: text('url'),
    email: text('email'),
    status: text('status', { enum: ['active', 'inactive', 'defunct', 'temporarily closed'] }).notNull(),
    /** How to refer, in words ("Phone the hub; self-referral welcome"). */
    howToRefer: text('how_to_refer'),
    /** ORUK attending_access: referral, appointment, drop-in or membership. */
    attendingAccess: text('attending_access'),
    fees: text('fees'),
    /** ORUK service_taxonomys as they came (every vocabulary), so a file goes out as it came in. */
    taxonomies: jsonb('taxonomies')
      .$type<{ id: string; taxonomy: { id: string; name: string; vocabulary?: string | null } }[]>()
      .notNull(),
    /** ORUK service_areas as they came. */
    serviceAreas: jsonb('service_areas').$type<{ id: string; service_area: string }[]>().notNull(),
    /** For searching: the needs met (taxonomy ids in the "Hearth needs" vocabulary) … */
    needs: text('needs').array().notNull(),
    /** … and the areas served, in lower case (matched to patch names; none means the whole council). */
    areas: text('areas').array().notNull(),
    waitingWeeks: integer('waiting_weeks'),
    capacityNote: text('capacity_note'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('directory_services_oruk_uq').on(t.councilId, t.orukId),
    index('directory_services_org_idx').on(t.organisationId),
  ],
)
export type DirectoryService = typeof directoryServices.$inferSelect

export const directoryLocations = pgTable(
  'directory_locations',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    orukId: text('oruk_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    address1: text('address_1'),
    city: text('city'),
    postalCode: text('postal_code'),
    latitude: text('latitude'),
    longitude: text('longitude'),
    /** ORUK physical_addresses beyond the first, and the first's other fields, as they came. */
    addresses: jsonb('addresses').$type<Record<string, unknown>[]>().notNull(),
  },
  (t) => [uniqueIndex('directory_locations_oruk_uq').on(t.councilId, t.orukId)],
)

export const directoryServiceLocations = pgTable(
  'directory_service_locations',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    orukId: text('oruk_id').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id),
    locationId: uuid('location_id')
      .notNull()
      .references(() => directoryLocations.id),
  },
  (t) => [
    uniqueIndex('directory_service_locations_uq').on(t.councilId, t.serviceId, t.locationId),
    index('directory_service_locations_location_idx').on(t.locationId),
  ],
)

export const directoryEligibility = pgTable(
  'directory_eligibility',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    orukId: text('oruk_id').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id),
    eligibility: text('eligibility').notNull(),
    minimumAge: integer('minimum_age'),
    maximumAge: integer('maximum_age'),
  },
  (t) => [index('directory_eligibility_service_idx').on(t.councilId, t.serviceId)],
)

export const directoryCostOptions = pgTable(
  'directory_cost_options',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    orukId: text('oruk_id').notNull(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id),
    /** "Free", "Spot purchase" or "Block contract" (ORUK cost_option.option). */
    option: text('option').notNull(),
    amountPence: bigint('amount_pence', { mode: 'number' }),
    amountDescription: text('amount_description'),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
  },
  (t) => [index('directory_cost_options_service_idx').on(t.councilId, t.serviceId)],
)

/** A service on a family's plan: "referred to the young carers' group on 3 March". */
export const familyServices = pgTable(
  'family_services',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => directoryServices.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    status: text('status', { enum: ['referred', 'attending', 'finished'] }).notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('family_services_family_idx').on(t.councilId, t.familyId),
    index('family_services_service_idx').on(t.serviceId),
    index('family_services_recorded_by_idx').on(t.recordedBy),
  ],
)
