import { VISIT_KINDS } from './allocation'

/** What a note records: a visit or meeting (the visit kinds), a call, or a contact nobody booked. */
export const NOTE_KINDS = {
  ...VISIT_KINDS,
  phone_call: 'Phone call',
  video_call: 'Video call',
  unplanned: 'Unplanned contact',
} as const
export type NoteKind = keyof typeof NOTE_KINDS
export const NOTE_KIND_LIST = Object.keys(NOTE_KINDS) as NoteKind[]

/** Whether a child was seen: "seen alone" is its own answer, as the statutory guidance asks. */
export const CHILD_SEEN = { seen: 'Seen', seen_alone: 'Seen alone', not_seen: 'Not seen' } as const
export type ChildSeen = keyof typeof CHILD_SEEN
export const CHILD_SEEN_LIST = Object.keys(CHILD_SEEN) as ChildSeen[]

/** Whether the appointment was kept: feeds lateness figures later. */
export const APPOINTMENT_KEPT = {
  on_time: 'Kept, on time',
  late: 'Kept, but we were late',
  rearranged: 'Rearranged',
  missed: 'Missed',
  unplanned: 'Not booked (an unplanned contact)',
} as const
export type AppointmentKept = keyof typeof APPOINTMENT_KEPT
export const APPOINTMENT_KEPT_LIST = Object.keys(APPOINTMENT_KEPT) as AppointmentKept[]

/** Who rearranged or missed an appointment. */
export const CHANGED_BY = { us: 'We did', family: 'The family did' } as const
export type ChangedBy = keyof typeof CHANGED_BY
export const CHANGED_BY_LIST = Object.keys(CHANGED_BY) as ChangedBy[]
/** Rearranged with less notice than this (hours) counts against the families' time. */
export const SHORT_NOTICE_HOURS = 24

/** The four parts of the story, strengths first. Any may be brief; a note needs at least one. */
export const NOTE_PARTS = {
  workingWell: 'What is working well',
  worries: 'What we are worried about',
  needsToHappen: 'What needs to happen',
  familyWords: 'What the family said, in their own words',
} as const
export type NotePart = keyof typeof NOTE_PARTS
export const NOTE_PART_LIST = Object.keys(NOTE_PARTS) as NotePart[]

/** The most minutes of direct contact one note can record: a day. */
export const MAX_DIRECT_MINUTES = 24 * 60
