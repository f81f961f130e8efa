import { TASK_TYPE_LIST, TASK_TYPES, type TaskType } from './admin-tasks'

/**
 * Why Hearth must not contact a family by itself (letters home, visit confirmations, invitations,
 * later the family link). While any hold is open, such contact is held for the lead's decision.
 */
export const CONTACT_HOLD_REASONS = {
  family_not_aware: 'The referral says the family does not know about it',
  safeguarding_enquiry: 'There is a strategy discussion or section 47 enquiry',
  lead_marked: 'The team asked: do not contact the family without checking',
  unsafe_in_household: 'Someone living in the home is marked not safe for a child',
  unsafe_recipient: 'Someone holding the family’s link is marked not safe for a child',
} as const
export type ContactHoldReason = keyof typeof CONTACT_HOLD_REASONS

/**
 * Statutory steps that make contact unsafe until the lead decides, however they are recorded (the
 * front door's decision or the family page): a strategy discussion, and a section 47 enquiry not
 * yet finished. Holding an enquiry recorded late is safe: the lead ends the hold with why.
 */
export function stepHoldsContact(step: { kind: string; endOn?: string | null }): boolean {
  return step.kind === 'strategy_discussion' || (step.kind === 's47' && !step.endOn)
}

/** Task types that reach the family themselves (a letter to the home, an invitation): from `TASK_TYPES`. */
export const FAMILY_CONTACT_TASKS: readonly TaskType[] = TASK_TYPE_LIST.filter(
  (t) => TASK_TYPES[t].reaches === 'family',
)

export function contactsFamily(taskType: string): boolean {
  return (FAMILY_CONTACT_TASKS as readonly string[]).includes(taskType) && taskType in TASK_TYPES
}

/** "Held: the referral says the family does not know about it; …" for the enablers' task. */
export function heldReasonText(reasons: ContactHoldReason[]): string {
  const unique = [...new Set(reasons)]
  return `Held for the lead’s decision: ${unique.map((r) => CONTACT_HOLD_REASONS[r].toLowerCase()).join('; ')}.`
}
