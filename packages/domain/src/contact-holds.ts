import { TASK_TYPES, type TaskType } from './admin-tasks'

/**
 * Why Hearth must not contact a family by itself (letters home, visit confirmations, invitations,
 * later the family link). While any hold is open, such contact is held for the lead's decision.
 */
export const CONTACT_HOLD_REASONS = {
  family_not_aware: 'The referral says the family does not know about it',
  safeguarding_enquiry: 'There is a strategy discussion or section 47 enquiry',
  lead_marked: 'The team asked: do not contact the family without checking',
} as const
export type ContactHoldReason = keyof typeof CONTACT_HOLD_REASONS

/** Task types that reach the family themselves (a letter to the home, an invitation). */
export const FAMILY_CONTACT_TASKS: readonly TaskType[] = [
  'visit_confirmation',
  'conference_invitations',
  'workers_letter',
  'letter_before_proceedings',
  'family_link_letter',
]

export function contactsFamily(taskType: string): boolean {
  return (FAMILY_CONTACT_TASKS as readonly string[]).includes(taskType) && taskType in TASK_TYPES
}

/** "Held: the referral says the family does not know about it; …" for the enablers' task. */
export function heldReasonText(reasons: ContactHoldReason[]): string {
  const unique = [...new Set(reasons)]
  return `Held for the lead’s decision: ${unique.map((r) => CONTACT_HOLD_REASONS[r].toLowerCase()).join('; ')}.`
}
