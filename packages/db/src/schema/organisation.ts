import { sql } from 'drizzle-orm'
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { councilId, createdAt, id, updatedAt } from './_helpers'
import { DEFAULT_CAP } from '@hearth/domain/roles'

export const patches = pgTable(
  'patches',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    name: text('name').notNull(),
    /** Postcode districts ("NM1") or sectors ("NM1 4") this patch covers. */
    postcodeAreas: text('postcode_areas').array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('patches_council_name_uq').on(t.councilId, t.name)],
)
export type Patch = typeof patches.$inferSelect

export const teams = pgTable(
  'teams',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['family_facing', 'referral', 'enabler', 'insight', 'strategy'] }).notNull(),
    patchId: uuid('patch_id').references(() => patches.id),
    /** Most children a practitioner of this team holds as lead. */
    caseloadCap: integer('caseload_cap').notNull().default(DEFAULT_CAP),
    /** The team's phone line: letters to families give it, with their worker's name. */
    phone: text('phone'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('teams_council_name_uq').on(t.councilId, t.name),
    index('teams_council_patch_idx').on(t.councilId, t.patchId),
  ],
)
export type Team = typeof teams.$inferSelect

export const people = pgTable(
  'people',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    name: text('name').notNull(),
    /**
     * Stored lower-case; unique within a council (one council never learns that an address is used
     * in another). Sign-in takes the council, or an address used in exactly one council.
     */
    email: text('email').notNull(),
    passwordHash: text('password_hash'),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    active: boolean('active').notNull().default(true),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    /** Minutes worked each day, Monday first (full time: 444 a weekday, 37 hours); set by the team. */
    workingPattern: integer('working_pattern').array().notNull().default(sql`'{444,444,444,444,444,0,0}'::integer[]`),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('people_council_email_uq').on(t.councilId, t.email),
    index('people_email_idx').on(t.email),
    index('people_council_name_idx').on(t.councilId, t.name),
  ],
)
export type Person = typeof people.$inferSelect

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** This person's own cap (children as lead), set by a team decision; null: the team's. */
    caseloadCap: integer('caseload_cap'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('memberships_team_person_uq').on(t.councilId, t.teamId, t.personId),
    index('memberships_council_person_idx').on(t.councilId, t.personId),
  ],
)

/**
 * A role given to a person by an administrator. It takes effect only when a second administrator
 * (neither the one who asked nor the person themself) approves it: nobody can give themself, or
 * an account they made, access to children's records alone. Removing a role needs no approval.
 */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => people.id),
    requestedAt: createdAt(),
    status: text('status', { enum: ['pending', 'approved', 'refused'] })
      .notNull()
      .default('pending'),
    decidedBy: uuid('decided_by').references(() => people.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    /**
     * `role` 'new_password': the hash of the password an administrator set for someone else,
     * applied only when a second administrator approves (else one administrator could sign in
     * as another and approve their own asks). Cleared once decided.
     */
    passwordHash: text('password_hash'),
  },
  (t) => [
    uniqueIndex('role_grants_one_pending_uq').on(t.councilId, t.personId, t.role).where(sql`status = 'pending'`),
    index('role_grants_council_status_idx').on(t.councilId, t.status),
  ],
)
export type RoleGrant = typeof roleGrants.$inferSelect

/** A day of a person's leave: not a working day for the direct-contact share. Set by their team. */
export const leaveDays = pgTable(
  'leave_days',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    day: date('day', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('leave_days_person_day_uq').on(t.councilId, t.personId, t.day)],
)
