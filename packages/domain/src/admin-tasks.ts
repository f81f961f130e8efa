import type { VisitKind } from './allocation'

/**
 * Admin work that leaves the practitioner: each type has a plain-English label, a due time and an
 * estimate of the practitioner minutes it saves (councils may change both), and a letter template
 * where a letter is sent.
 */
/**
 * Who a task's work reaches outside the team: the family itself (a letter home, an invitation, the
 * link's letter: every such task passes the contact gate, `createTask`, and is held while contact
 * is), the referrer, a meeting's attendees (the minutes, sent after the meeting by its chair), or
 * staff only. A new task type must say which, so no contact with a family can be added unseen.
 */
export type TaskReaches = 'family' | 'referrer' | 'attendees' | 'staff'

export const TASK_TYPES = {
  visit_confirmation: {
    label: 'Confirm the visit with the family',
    dueHours: 24,
    minutesSaved: 15,
    letter: true,
    reaches: 'family',
  },
  interpreter_booking: {
    label: 'Book an interpreter for the visit',
    dueHours: 24,
    minutesSaved: 30,
    letter: false,
    reaches: 'staff',
  },
  room_booking: { label: 'Book a room or venue', dueHours: 48, minutesSaved: 20, letter: false, reaches: 'staff' },
  conference_invitations: {
    label: 'Send the invitations to the meeting',
    dueHours: 48,
    minutesSaved: 45,
    letter: true,
    reaches: 'family',
  },
  minute_taker: { label: 'Find a minute-taker', dueHours: 48, minutesSaved: 20, letter: false, reaches: 'staff' },
  minutes: {
    label: 'Type and circulate the minutes',
    dueHours: 120,
    minutesSaved: 90,
    letter: false,
    reaches: 'attendees',
  },
  workers_letter: {
    label: 'Tell the family who their workers are',
    dueHours: 72,
    minutesSaved: 20,
    letter: true,
    reaches: 'family',
  },
  referrer_acknowledgement: {
    label: 'Acknowledge the referral to the referrer',
    dueHours: 24,
    minutesSaved: 10,
    letter: true,
    reaches: 'referrer',
  },
  ask_enabler: {
    label: 'A request from the practitioner',
    dueHours: 48,
    minutesSaved: 20,
    letter: false,
    reaches: 'staff',
  },
  letter_before_proceedings: {
    label: 'Send the letter before proceedings (with the offer of a family group decision-making meeting)',
    dueHours: 24,
    minutesSaved: 45,
    letter: true,
    reaches: 'family',
  },
  family_link_letter: {
    label: 'Send the family their private link (the letter is ready to print)',
    dueHours: 48,
    minutesSaved: 20,
    letter: true,
    reaches: 'family',
  },
  family_complaint: {
    label: 'A family’s complaint: log it and arrange the stage 1 response (10 working days)',
    dueHours: 24 * 14,
    minutesSaved: 30,
    letter: false,
    reaches: 'staff',
  },
  insight_session: {
    label: 'Book a room and send the invitations for an insight session',
    dueHours: 24,
    minutesSaved: 25,
    letter: false,
    reaches: 'staff',
  },
} as const satisfies Record<
  string,
  { label: string; dueHours: number; minutesSaved: number; letter: boolean; reaches: TaskReaches }
>
export type TaskType = keyof typeof TASK_TYPES
export const TASK_TYPE_LIST = Object.keys(TASK_TYPES) as TaskType[]

const CONFERENCES: readonly VisitKind[] = ['family_group_conference', 'child_protection_conference']
const AWAY_FROM_HOME: readonly VisitKind[] = [
  'office',
  'family_group_conference',
  'child_protection_conference',
  'core_group',
  'review',
]

/** The admin tasks a booked visit or meeting brings with it. */
export function tasksForVisit(kind: VisitKind, interpreterNeeded: boolean): TaskType[] {
  const tasks: TaskType[] = CONFERENCES.includes(kind) ? ['conference_invitations'] : ['visit_confirmation']
  if (interpreterNeeded) tasks.push('interpreter_booking')
  if (AWAY_FROM_HOME.includes(kind)) tasks.push('room_booking')
  if (CONFERENCES.includes(kind)) tasks.push('minute_taker', 'minutes')
  return tasks
}

/** An enabler's claim lapses after this long and the task returns to the queue. */
export const DEFAULT_CLAIM_MINUTES = 120

/** Minutes as "2 hours 5 minutes". */
export function minutesInWords(total: number): string {
  const h = Math.floor(total / 60)
  const m = total % 60
  return [h ? `${h} hour${h === 1 ? '' : 's'}` : '', m || !h ? `${m} minute${m === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(' ')
}
