import { directoryServices } from './directory'
import { bigint, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { families } from './families'
import { people, teams } from './organisation'
import { councilId, createdAt, id } from './_helpers'

/**
 * A family-facing team asks the insight team: a consultation (a specialist view on a family or on
 * the team's work) or coaching (a facilitated session for the team). Advice is kept in plain words
 * and, for a family, shows on the family's chronology for the team holding it.
 */
export const insightRequests = pgTable(
  'insight_requests',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    kind: text('kind', { enum: ['consultation', 'coaching'] }).notNull(),
    topic: text('topic').notNull(),
    /** The team asking; for a family, the team holding it when asked. */
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    /** Null when the team asks for itself (coaching, or a consultation about its way of working). */
    familyId: uuid('family_id').references(() => families.id),
    question: text('question').notNull(),
    askedBy: uuid('asked_by')
      .notNull()
      .references(() => people.id),
    askedAt: timestamp('asked_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    status: text('status', { enum: ['waiting', 'taken', 'booked', 'advice_given', 'withdrawn'] })
      .notNull()
      .default('waiting'),
    takenBy: uuid('taken_by').references(() => people.id),
    takenAt: timestamp('taken_at', { withTimezone: true, mode: 'date' }),
    sessionAt: timestamp('session_at', { withTimezone: true, mode: 'date' }),
    sessionMinutes: integer('session_minutes'),
    /** Who attends, in words ("Priya, Tom and the adviser; mum by phone"). */
    attendees: text('attendees'),
    advice: text('advice'),
    adviceAt: timestamp('advice_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('insight_requests_queue_idx').on(t.councilId, t.status, t.askedAt),
    index('insight_requests_team_idx').on(t.councilId, t.teamId, t.askedAt),
    index('insight_requests_family_idx').on(t.councilId, t.familyId),
    index('insight_requests_asked_by_idx').on(t.askedBy),
    index('insight_requests_taken_by_idx').on(t.takenBy),
  ],
)
export type InsightRequest = typeof insightRequests.$inferSelect

/** A council's own settings for the insight team (history kept: the newest row is in force). */
export const insightSettings = pgTable(
  'insight_settings',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    /** A request not taken within this many working days is shown as waiting too long. */
    waitWorkingDays: integer('wait_working_days').notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => people.id),
    setAt: createdAt(),
  },
  (t) => [
    index('insight_settings_council_idx').on(t.councilId, t.setAt),
    index('insight_settings_set_by_idx').on(t.setBy),
  ],
)

/**
 * No listed service fits: the team asks insight to commission one (a spot purchase). Insight
 * records the provider, cost and dates; that makes a proposal, so the spend is signed off (at or
 * above the threshold) or agreed by the team (below), and counts in committed spend either way.
 */
export const commissions = pgTable(
  'commissions',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    askedBy: uuid('asked_by')
      .notNull()
      .references(() => people.id),
    askedAt: timestamp('asked_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    need: text('need').notNull(),
    why: text('why').notNull(),
    familyView: text('family_view').notNull(),
    weeks: integer('weeks').notNull(),
    budgetPence: bigint('budget_pence', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['waiting', 'taken', 'commissioned', 'withdrawn'] })
      .notNull()
      .default('waiting'),
    takenBy: uuid('taken_by').references(() => people.id),
    takenAt: timestamp('taken_at', { withTimezone: true, mode: 'date' }),
    providerName: text('provider_name'),
    serviceId: uuid('service_id').references(() => directoryServices.id),
    weeklyPence: bigint('weekly_pence', { mode: 'number' }),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    commissionedAt: timestamp('commissioned_at', { withTimezone: true, mode: 'date' }),
    proposalId: uuid('proposal_id'),
  },
  (t) => [
    index('commissions_queue_idx').on(t.councilId, t.status, t.askedAt),
    index('commissions_family_idx').on(t.councilId, t.familyId),
    index('commissions_team_idx').on(t.councilId, t.teamId),
    index('commissions_asked_by_idx').on(t.askedBy),
    index('commissions_taken_by_idx').on(t.takenBy),
    index('commissions_service_idx').on(t.serviceId),
  ],
)
export type Commission = typeof commissions.$inferSelect
