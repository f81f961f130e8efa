import { z } from 'zod'
import {
  APPOINTMENT_KEPT_LIST,
  CHANGED_BY_LIST,
  CHILD_SEEN_LIST,
  MAX_DIRECT_MINUTES,
  NOTE_KIND_LIST,
} from '@hearth/domain/recording'
import { DateTime, optionalText, requiredText, Uuid } from './common'
import { IsoDate } from './families'

const Part = optionalText(5000)

/** A child's part in a note: seen, seen alone or not seen (and why). */
export const NoteChildInput = z.object({
  childId: Uuid,
  seen: z.enum(CHILD_SEEN_LIST, { message: 'choose seen, seen alone or not seen' }).nullable(),
  notSeenReason: optionalText(500),
})

/** A draft as it stands: every field may be missing while the practitioner writes. */
export const NoteDraft = z.object({
  kind: z.enum(NOTE_KIND_LIST, { message: 'choose what kind of contact it was' }).optional(),
  happenedAt: DateTime('must be a date and time').optional(),
  place: optionalText(200),
  directMinutes: z
    .number({ message: 'enter the minutes of direct contact' })
    .int({ message: 'enter whole minutes' })
    .min(0, { message: 'minutes cannot be below 0' })
    .max(MAX_DIRECT_MINUTES, { message: `at most ${MAX_DIRECT_MINUTES} minutes (a day)` })
    .optional(),
  appointment: z.enum(APPOINTMENT_KEPT_LIST, { message: 'say whether the appointment was kept' }).optional(),
  lateMinutes: z.number().int().min(1).max(MAX_DIRECT_MINUTES).nullable().optional(),
  changedBy: z.enum(CHANGED_BY_LIST, { message: 'say who rearranged or missed it' }).nullable().optional(),
  noticeHours: z
    .number({ message: 'enter the hours of notice' })
    .int({ message: 'enter whole hours' })
    .min(0, { message: 'hours cannot be below 0' })
    .max(8760, { message: 'at most a year of notice' })
    .nullable()
    .optional(),
  missedReason: optionalText(500),
  children: z.array(NoteChildInput).max(30).optional(),
  othersPresent: optionalText(500),
  workingWell: Part,
  worries: Part,
  needsToHappen: Part,
  familyWords: Part,
})
export type NoteDraft = z.infer<typeof NoteDraft>

/** Begin a note: about a visit (filled in from it) or a contact nobody booked. */
export const NoteStart = NoteDraft.extend({ visitId: Uuid.nullable().optional() })
export type NoteStart = z.infer<typeof NoteStart>

export const AddendumInput = z.object({
  reason: requiredText(500, 'why it is added'),
  text: requiredText(5000, 'the addendum'),
})

export const NoteView = z.object({
  id: Uuid,
  familyId: Uuid,
  visitId: Uuid.nullable(),
  authorId: Uuid,
  authorName: z.string(),
  kind: z.enum(NOTE_KIND_LIST),
  happenedAt: z.string(),
  place: z.string().nullable(),
  directMinutes: z.number().int(),
  appointment: z.enum(APPOINTMENT_KEPT_LIST),
  lateMinutes: z.number().int().nullable(),
  changedBy: z.enum(CHANGED_BY_LIST).nullable(),
  noticeHours: z.number().int().nullable(),
  missedReason: z.string().nullable(),
  children: z.array(
    z.object({
      childId: Uuid,
      name: z.string(),
      seen: z.enum(CHILD_SEEN_LIST).nullable(),
      notSeenReason: z.string().nullable(),
    }),
  ),
  othersPresent: z.string().nullable(),
  workingWell: z.string().nullable(),
  worries: z.string().nullable(),
  needsToHappen: z.string().nullable(),
  familyWords: z.string().nullable(),
  status: z.enum(['draft', 'final']),
  updatedAt: z.string(),
  finalisedAt: z.string().nullable(),
  addenda: z.array(
    z.object({ id: Uuid, authorName: z.string(), reason: z.string(), text: z.string(), createdAt: z.string() }),
  ),
})
export type NoteView = z.infer<typeof NoteView>

export const FinaliseInput = z
  .object({
    /** The author has seen the earlier notes this one is very like, and keeps it as it is. */
    keepSimilar: z.boolean().optional(),
  })
  .nullish()

export const SimilarNote = z.object({
  noteId: Uuid,
  happenedAt: z.string(),
  authorName: z.string(),
  sameFamily: z.boolean(),
  /** The share of three-word phrases the two notes have in common (0 to 1). */
  score: z.number(),
  passages: z.array(z.string()),
})

// -------------------------------------------------------------------- direct-contact time
export const ContactTimeQuery = z.object({ weeks: z.coerce.number().int().min(1).max(52).default(8) })
export const ContactWeek = z.object({
  weekStart: z.string(),
  directMinutes: z.number().int(),
  workingMinutes: z.number().int(),
  /** The share of the working week with families (0 to 1); null when no hours were worked. */
  share: z.number().nullable(),
})
export const MyContactTime = z.object({ target: z.number(), before: z.number(), weeks: z.array(ContactWeek) })
export const TeamContactTime = z.object({
  target: z.number(),
  before: z.number(),
  team: z.array(ContactWeek),
  /** Booked visits and meetings recorded each week: kept on time, rearranged at short notice, missed. */
  appointments: z.array(
    z.object({
      weekStart: z.string(),
      appointments: z.number().int(),
      onTime: z.number().int(),
      shortNotice: z.number().int(),
      missed: z.number().int(),
    }),
  ),
  members: z.array(z.object({ personId: Uuid, name: z.string(), weeks: z.array(ContactWeek) })),
})
export const WorkingPatternInput = z.object({
  minutes: z
    .array(
      z
        .number()
        .int()
        .min(0, { message: 'minutes cannot be below 0' })
        .max(1440, { message: 'a day has 1440 minutes' }),
    )
    .length(7, { message: 'give the minutes for each day, Monday to Sunday' }),
})
export const LeaveInput = z
  .object({ from: IsoDate, to: IsoDate })
  .refine((l) => l.from <= l.to, { message: 'the last day of leave is before the first', path: ['to'] })
  .refine((l) => (Date.parse(l.to) - Date.parse(l.from)) / 86_400_000 <= 366, {
    message: 'at most a year of leave at once',
    path: ['to'],
  })

/** The council's copy-paste threshold, as a percentage of three-word phrases in common. */
export const NoteCheckSettings = z.object({ percent: z.number().int(), defaultPercent: z.number().int() })
export const NoteCheckSettingsInput = z.object({
  percent: z
    .number({ message: 'give a whole percentage' })
    .int({ message: 'give a whole percentage' })
    .min(10, { message: 'at least 10%: lower, nearly every note would be flagged' })
    .max(90, { message: 'at most 90%: higher, only exact copies would be flagged' }),
})
