/**
 * Three Conversations and sign-off: conversations 1 and 2 are only recorded by the team;
 * conversation 3 at or above the council's threshold goes to the strategy team. Above a higher
 * threshold two strategy members must approve. Nobody approves their own proposal.
 */
export interface Thresholds {
  signOffPence: number
  secondApproverPence: number
  decisionWorkingDays: number
}

/** Until a council sets its own: £10,000 in all for sign-off, £50,000 for a second approver, 5 working days. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  signOffPence: 10_000_00,
  secondApproverPence: 50_000_00,
  decisionWorkingDays: 5,
}

export type ProposalRoute = 'team' | 'strategy'

/** A family's stored conversation as 1, 2 or 3. */
export function conversationOf(stage: number): 1 | 2 | 3 {
  return Math.min(3, Math.max(1, Math.trunc(stage) || 1)) as 1 | 2 | 3
}

export function proposalRoute(stage: 1 | 2 | 3, totalPence: number, t: Thresholds): ProposalRoute {
  return stage === 3 && totalPence >= t.signOffPence ? 'strategy' : 'team'
}

export function approvalsNeeded(totalPence: number, t: Thresholds): 1 | 2 {
  return totalPence >= t.secondApproverPence ? 2 : 1
}

export function totalPence(weeklyPence: number, weeks: number): number {
  return weeklyPence * weeks
}

export function pounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: pence % 100 ? 2 : 0, maximumFractionDigits: 2 })}`
}

export const PROPOSAL_STATUSES = ['team_decided', 'awaiting_strategy', 'more_info', 'approved', 'declined'] as const
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number]

/** An approved package is reviewed after 12 weeks, or when it ends if that is sooner. */
export function reviewAfterWeeks(weeks: number): number {
  return Math.min(12, weeks)
}
