import { z } from 'zod'
import { requiredText, Uuid } from './common'

const Pence = (what: string) =>
  z
    .number({ message: `${what}: give an amount in pence` })
    .int()
    .min(0)
    .max(100_000_000_00)

/**
 * A team's proposal. The conversation is not asked: it is the family's, as the team last decided
 * (`POST /api/families/{id}/conversation`), and it decides who agrees the proposal.
 */
export const ProposalInput = z.object({
  what: requiredText(300, 'what is proposed'),
  forWhom: requiredText(300, 'who it is for'),
  why: requiredText(5000, 'why'),
  weeklyPence: Pence('cost per week').refine((n) => n > 0, { message: 'the cost per week must be more than nothing' }),
  weeks: z.number({ message: 'give the number of weeks' }).int().min(1, { message: 'at least one week' }).max(260),
  alternatives: requiredText(5000, 'the alternatives considered'),
  familyView: requiredText(5000, 'what the family thinks, in their words'),
  /** The directory service it buys, if there is one. */
  serviceId: Uuid.nullable().optional(),
})
export const DecideProposalInput = z.object({
  outcome: z.enum(['approve', 'decline', 'more_info'], { message: 'approve, decline or ask for more information' }),
  reasonsForTeam: z
    .string({ message: 'give your reasons for the team' })
    .trim()
    .min(10, { message: 'give your reasons for the team (a sentence at least)' })
    .max(5000),
  reasonsForFamily: z.string().trim().max(5000).nullable().optional(),
})
export const ResubmitInput = z.object({
  why: requiredText(5000, 'why'),
  familyView: requiredText(5000, 'what the family thinks').optional(),
  alternatives: requiredText(5000, 'the alternatives').optional(),
})
export const ProposalView = z.object({
  id: Uuid,
  teamId: Uuid,
  teamName: z.string(),
  familyId: Uuid,
  familyName: z.string(),
  proposedById: Uuid,
  proposedByName: z.string(),
  what: z.string(),
  forWhom: z.string(),
  why: z.string(),
  weeklyPence: z.number().int(),
  weeks: z.number().int(),
  totalPence: z.number().int(),
  alternatives: z.string(),
  familyView: z.string(),
  conversationStage: z.number().int(),
  route: z.enum(['team', 'strategy']),
  approvalsNeeded: z.number().int(),
  status: z.enum(['team_decided', 'awaiting_strategy', 'more_info', 'approved', 'declined']),
  decisionDueDate: z.string().nullable(),
  overdue: z.boolean(),
  reviewDate: z.string().nullable(),
  createdAt: z.string(),
  serviceId: Uuid.nullable(),
  serviceName: z.string().nullable(),
  commissionId: Uuid.nullable(),
  decisions: z.array(
    z.object({
      outcome: z.string(),
      byId: Uuid,
      byName: z.string(),
      reasonsForTeam: z.string(),
      reasonsForFamily: z.string().nullable(),
      round: z.number().int(),
      decidedAt: z.string(),
    }),
  ),
})
export const ThresholdsInput = z.object({
  signOffPence: Pence('sign-off threshold'),
  secondApproverPence: Pence('second approver threshold'),
  decisionWorkingDays: z.number().int().min(1).max(30),
  reason: requiredText(1000, 'why the thresholds change'),
})
export const ThresholdsView = z.object({
  current: z.object({
    signOffPence: z.number().int(),
    secondApproverPence: z.number().int(),
    decisionWorkingDays: z.number().int(),
  }),
  history: z.array(
    z.object({
      signOffPence: z.number().int(),
      secondApproverPence: z.number().int(),
      decisionWorkingDays: z.number().int(),
      setByName: z.string(),
      reason: z.string(),
      setAt: z.string(),
    }),
  ),
})
/** Null: fewer than 5, not shown for a team of fewer than 3 practitioners (small-number suppression). */
const Count = z.number().int().nullable()
export const TeamFigures = z.object({
  teamId: Uuid,
  teamName: z.string(),
  practitioners: z.number().int(),
  /** Fewer than 3 practitioners: counts from 1 to 4 are not shown (null). */
  smallNumbersHidden: z.boolean(),
  capacityChildren: z.number().int(),
  familiesHeld: Count,
  childrenHeld: Count,
  familiesWaiting: Count,
  oldestWaitMinutes: Count,
  adminTasksOverdue: Count,
  minutesSavedThisWeek: z.number().int(),
  committedPence: z.number().int(),
  proposalsAwaiting: Count,
  /** Child and family assessments open in the team's families, and those past 45 working days. */
  assessmentsOpen: Count,
  assessmentsOverdue: Count,
  /** Every statutory timescale of the team's families: overdue, and due within the council's warning. */
  clocksOverdue: Count,
  clocksDueSoon: Count,
  /** Booked visits and meetings of the last four weeks: kept on time, at under 24 hours' notice, missed. */
  appointmentsLast4Weeks: Count,
  appointmentsOnTimeLast4Weeks: Count,
  appointmentsShortNoticeLast4Weeks: Count,
  appointmentsMissedLast4Weeks: Count,
})
export const CouncilOverview = z.object({
  generatedAt: z.string(),
  teams: z.array(TeamFigures),
  referrals: z.object({ onTime: z.number().int(), late: z.number().int(), overdueNow: z.number().int() }),
  committedPence: z.number().int(),
  proposalsAwaiting: z.number().int(),
})
