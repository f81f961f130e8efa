import { bigint, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { councils } from './councils'
import { families } from './families'
import { people, teams } from './organisation'
import { councilId, createdAt, id } from './_helpers'

/** The council's sign-off thresholds. Rows are history: the newest is in force. */
export const spendThresholds = pgTable(
  'spend_thresholds',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    signOffPence: bigint('sign_off_pence', { mode: 'number' }).notNull(),
    secondApproverPence: bigint('second_approver_pence', { mode: 'number' }).notNull(),
    decisionWorkingDays: integer('decision_working_days').notNull(),
    setBy: uuid('set_by')
      .notNull()
      .references(() => people.id),
    reason: text('reason').notNull(),
    setAt: timestamp('set_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('spend_thresholds_council_idx').on(t.councilId, t.setAt),
    index('spend_thresholds_set_by_idx').on(t.setBy),
  ],
)

/**
 * A team's proposal of an intervention or package. The route (team or strategy), the thresholds
 * and the approvals needed are fixed when it is submitted: a later threshold change never reroutes it.
 */
export const proposals = pgTable(
  'proposals',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    familyId: uuid('family_id')
      .notNull()
      .references(() => families.id),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => people.id),
    what: text('what').notNull(),
    forWhom: text('for_whom').notNull(),
    why: text('why').notNull(),
    weeklyPence: bigint('weekly_pence', { mode: 'number' }).notNull(),
    weeks: integer('weeks').notNull(),
    totalPence: bigint('total_pence', { mode: 'number' }).notNull(),
    alternatives: text('alternatives').notNull(),
    familyView: text('family_view').notNull(),
    conversationStage: integer('conversation_stage').notNull(),
    route: text('route', { enum: ['team', 'strategy'] }).notNull(),
    signOffPenceAtSubmission: bigint('sign_off_pence_at_submission', { mode: 'number' }).notNull(),
    approvalsNeeded: integer('approvals_needed').notNull(),
    status: text('status', {
      enum: ['team_decided', 'awaiting_strategy', 'more_info', 'approved', 'declined'],
    }).notNull(),
    decisionDueDate: date('decision_due_date', { mode: 'string' }),
    decisionDueAt: timestamp('decision_due_at', { withTimezone: true, mode: 'date' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    reviewDate: date('review_date', { mode: 'string' }),
    /** The directory service the package buys, when there is one. */
    serviceId: uuid('service_id'),
    /** Set when the proposal came from a commission the insight team arranged. */
    commissionId: uuid('commission_id'),
    createdAt: createdAt(),
  },
  (t) => [
    index('proposals_council_status_idx').on(t.councilId, t.status, t.decisionDueAt),
    index('proposals_council_team_idx').on(t.councilId, t.teamId),
    index('proposals_family_idx').on(t.councilId, t.familyId),
    index('proposals_proposed_by_idx').on(t.proposedBy),
    uniqueIndex('proposals_commission_uq').on(t.commissionId),
  ],
)
export type Proposal = typeof proposals.$inferSelect

/** Each strategy decision, append-only: approve, decline or ask for more, always with reasons. */
export const proposalDecisions = pgTable(
  'proposal_decisions',
  {
    id: id(),
    councilId: councilId().references(() => councils.id),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => people.id),
    outcome: text('outcome', { enum: ['approve', 'decline', 'more_info'] }).notNull(),
    reasonsForTeam: text('reasons_for_team').notNull(),
    reasonsForFamily: text('reasons_for_family'),
    /** Each resubmission after "more information" starts a new round. */
    round: integer('round').notNull().default(1),
    decidedAt: createdAt(),
  },
  (t) => [
    index('proposal_decisions_proposal_idx').on(t.councilId, t.proposalId, t.decidedAt),
    uniqueIndex('proposal_decisions_one_each_uq').on(t.proposalId, t.round, t.decidedBy),
    index('proposal_decisions_decided_by_idx').on(t.decidedBy),
  ],
)
