import { z } from 'zod'
import { LINK_LANGUAGE_LIST, MAX_LINK_DAYS } from '@hearth/domain/family-voice'
import { optionalText, requiredText, Uuid } from './common'
import { IsoDate } from './families'
import { VisitInput } from './visits'

const Language = z.enum(LINK_LANGUAGE_LIST, { message: 'choose English, Polish or Urdu' })
const LinkStateEnum = z.enum(['active', 'expired', 'revoked'])
const MessageKind = z.enum(['how_going', 'move_visit', 'matters', 'worry', 'complaint'])

// -------------------------------------------------------------------- staff: issuing links

/** A new link for one adult or young person of the family. */
export const CreateLinkInput = z
  .object({
    adultId: Uuid.nullable().optional(),
    childId: Uuid.nullable().optional(),
    language: Language.optional(),
    /** Days until it stops working; the council's setting when not given. */
    days: z
      .number()
      .int()
      .min(1)
      .max(MAX_LINK_DAYS, { message: `at most ${MAX_LINK_DAYS} days` })
      .optional(),
    /** A six-digit code, given separately, that must be entered with the link. */
    withCode: z.boolean().default(false),
    /** Sent as a letter through the enablers' queue, or given in person (the QR code). */
    send: z.enum(['letter', 'in_person'], { message: 'choose a letter or in person' }),
    /** The lead's decision, with why, to issue it while contact with the family is held. */
    holdDecision: optionalText(1000),
  })
  .refine((v) => !!v.adultId !== !!v.childId, {
    message: 'choose the one person the link is for',
    path: ['adultId'],
  })
export type CreateLinkInput = z.infer<typeof CreateLinkInput>

export const LinkSummary = z.object({
  id: Uuid,
  familyId: Uuid,
  issuedTo: z.object({ kind: z.enum(['adult', 'child']), id: Uuid, name: z.string() }),
  language: Language,
  state: LinkStateEnum,
  expiresAt: z.string(),
  createdAt: z.string(),
  createdByName: z.string(),
  lastOpenedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  hasCode: z.boolean(),
  holdDecision: z.string().nullable(),
  holdDecisionAt: z.string().nullable(),
})
export type LinkSummary = z.infer<typeof LinkSummary>

/** Shown once, when the link is made: the token is not kept, only its hash. */
export const CreatedLink = z.object({
  link: LinkSummary,
  /** Shown once: null when the answer is replayed for the same Idempotency-Key (never kept). */
  url: z.string().nullable(),
  code: z.string().nullable(),
  /** The link as a QR code (SVG) to show or print; null as `url` is. */
  qrSvg: z.string().nullable(),
  /** The enablers' task that sends the letter, when sent by letter. */
  taskId: Uuid.nullable(),
})
export type CreatedLink = z.infer<typeof CreatedLink>

export const RevokeLinkInput = z.object({ reason: requiredText(500, 'why it is stopped') })
export const LinkHoldDecisionInput = z.object({ reason: requiredText(1000, 'why the family may see it') })
export const RenewLinkInput = z.object({
  days: z
    .number()
    .int()
    .min(1)
    .max(MAX_LINK_DAYS, { message: `at most ${MAX_LINK_DAYS} days` })
    .optional(),
})
export const AnswerMessageInput = z.object({ answer: requiredText(2000, 'what happened') })

export const StaffFamilyMessage = z.object({
  id: Uuid,
  familyId: Uuid,
  kind: MessageKind,
  scale: z.number().int().nullable(),
  words: z.string().nullable(),
  suits: z.string().nullable(),
  visit: z.object({ id: Uuid, startsAt: z.string(), kind: z.string() }).nullable(),
  fromName: z.string(),
  /** The language of the pages it was written on: words not in English may need translating. */
  language: Language,
  at: z.string(),
  dueAt: z.string().nullable(),
  taskId: Uuid.nullable(),
  seenAt: z.string().nullable(),
  seenByName: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredByName: z.string().nullable(),
})
export type StaffFamilyMessage = z.infer<typeof StaffFamilyMessage>

export const FamilyVoiceView = z.object({
  familyId: Uuid,
  isLead: z.boolean(),
  /** Open holds on contact: why, and since when (a link shows nothing new while held). */
  holds: z.array(z.object({ reason: z.string(), startedAt: z.string() })),
  /** Who a link can be issued to: the family's adults, and its young people aged 12 or over. */
  people: z.array(z.object({ kind: z.enum(['adult', 'child']), id: Uuid, name: z.string(), language: Language })),
  links: z.array(LinkSummary),
  messages: z.array(StaffFamilyMessage),
  linkDays: z.number().int(),
})
export type FamilyVoiceView = z.infer<typeof FamilyVoiceView>

/** What the team's board shows: the families' words not yet seen, newest first. */
export const TeamFamilyMessages = z.object({
  messages: z.array(StaffFamilyMessage.extend({ familyName: z.string(), familyReference: z.string() })),
})

export const FamilyVoiceSettings = z.object({
  linkDays: z.number().int(),
  complaintsTeamId: Uuid.nullable(),
  teams: z.array(z.object({ id: Uuid, name: z.string() })),
})
export const FamilyVoiceSettingsInput = z.object({
  linkDays: z.number().int().min(7, { message: 'at least 7 days' }).max(MAX_LINK_DAYS),
  complaintsTeamId: Uuid.nullable(),
})

// -------------------------------------------------------------------- the family's own pages

/** What the family sees: their workers, visits, plan and what they said. Nothing else. */
export const FamilyLinkView = z.object({
  needsCode: z.literal(false),
  language: Language,
  firstName: z.string(),
  team: z.object({ name: z.string(), phone: z.string().nullable() }),
  workers: z.array(
    z.object({
      name: z.string(),
      role: z.enum(['lead', 'co_worker']),
      email: z.string().nullable(),
      awayToday: z.boolean(),
    }),
  ),
  /** Who to ask today when the lead is away. */
  cover: z.object({ name: z.string() }).nullable(),
  upcoming: z.array(
    z.object({
      id: Uuid,
      kind: z.string(),
      startsAt: z.string(),
      durationMinutes: z.number().int(),
      place: z.string(),
      /** The place was the family's confidential address: shown only as "at your home". */
      placeHidden: z.boolean(),
      cancelled: z.boolean(),
      changeReason: z.string().nullable(),
      moveAsked: z.boolean(),
    }),
  ),
  past: z.array(
    z.object({
      id: Uuid,
      kind: z.string(),
      startsAt: z.string(),
      kept: z.enum(['on_time', 'late', 'rearranged', 'missed']).nullable(),
      lateMinutes: z.number().int().nullable(),
      changedBy: z.enum(['family', 'us']).nullable(),
    }),
  ),
  plan: z.array(
    z.object({
      id: Uuid,
      what: z.string(),
      who: z.string(),
      byDate: z.string().nullable(),
      status: z.enum(['to_do', 'done', 'not_done']),
    }),
  ),
  lastMeeting: z
    .object({ kind: z.string(), startsAt: z.string(), agreed: z.array(z.string()), familyPlan: z.string().nullable() })
    .nullable(),
  messages: z.array(
    z.object({
      id: Uuid,
      kind: MessageKind,
      at: z.string(),
      scale: z.number().int().nullable(),
      words: z.string().nullable(),
      answer: z.string().nullable(),
      answeredAt: z.string().nullable(),
    }),
  ),
})
export type FamilyLinkView = z.infer<typeof FamilyLinkView>

/** A link with a short code answers this until the code is given. */
export const FamilyLinkLocked = z.object({ needsCode: z.literal(true), language: Language })
export const FamilyLinkAnswer = z.union([FamilyLinkView, FamilyLinkLocked])
export type FamilyLinkAnswer = z.infer<typeof FamilyLinkAnswer>

const Words = (what: string) => requiredText(2000, what)

/** What the family sends: one of five things, each in their own words. */
/** Sent with every message: the language of the pages it was written on (the family can switch). */
const said = { language: Language.optional() }
export const FamilyMessageInput = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('how_going'),
      scale: z.number({ message: 'choose how things are going' }).int().min(1).max(5),
      words: optionalText(2000),
      ...said,
    }),
    z.object({
      kind: z.literal('move_visit'),
      visitId: Uuid,
      suits: Words('times that suit you'),
      words: optionalText(2000),
      ...said,
    }),
    z.object({ kind: z.literal('matters'), words: Words('what matters to you'), ...said }),
    z.object({ kind: z.literal('worry'), words: Words('your worry'), ...said }),
    z.object({ kind: z.literal('complaint'), words: Words('your complaint'), ...said }),
  ],
  { message: 'choose what you want to tell us' },
)
export type FamilyMessageInput = z.infer<typeof FamilyMessageInput>
export const FamilyMessageSent = z.object({ id: Uuid, kind: MessageKind, at: z.string() })

// -------------------------------------------------------------------- family group conferences

export const Invitee = z.object({
  name: requiredText(200, 'their name'),
  networkPersonId: Uuid.nullable().optional(),
  relationship: optionalText(200),
})

/** A family group conference arranged with the family: the booked meeting and their choices. */
export const ArrangeMeetingInput = VisitInput.omit({ kind: true }).extend({
  kind: z.enum(['fgc', 'fgdm'], { message: 'choose a family group conference or an FGDM meeting' }),
  coordinator: optionalText(200),
  invitees: z.array(Invitee).max(40).default([]),
  privateTime: z.boolean().default(true),
})
export type ArrangeMeetingInput = z.infer<typeof ArrangeMeetingInput>

/** The family's own plan from the meeting, in their words; each item joins the family's plan. */
export const FamilyPlanInput = z.object({
  familyPlan: requiredText(4000, 'the family’s plan'),
  items: z
    .array(
      z.object({
        what: requiredText(500, 'what will happen'),
        who: requiredText(200, 'who will do it'),
        byDate: IsoDate.nullable().optional(),
      }),
    )
    .max(30)
    .default([]),
})
export type FamilyPlanInput = z.infer<typeof FamilyPlanInput>

export const FamilyMeetingView = z.object({
  id: Uuid,
  familyId: Uuid,
  visitId: Uuid,
  kind: z.enum(['fgc', 'fgdm']),
  startsAt: z.string(),
  place: z.string(),
  coordinator: z.string().nullable(),
  invitees: z.array(
    z.object({ name: z.string(), networkPersonId: Uuid.nullable(), relationship: z.string().nullable() }),
  ),
  privateTime: z.boolean(),
  familyPlan: z.string().nullable(),
  planRecordedAt: z.string().nullable(),
  cancelled: z.boolean(),
})
export type FamilyMeetingView = z.infer<typeof FamilyMeetingView>
export const FamilyMeetingsView = z.object({ meetings: z.array(FamilyMeetingView) })
