import { z } from 'zod'
import { toIsoDate } from '@hearth/domain/dates'
import { normalisePostcode } from '@hearth/domain/postcode'
import {
  FAMILY_CONSENT_LIST,
  PRIMARY_NEED_CODE_LIST,
  REFERRAL_DECISION_LIST,
  REFERRAL_SOURCE_CODES,
} from '@hearth/domain/referrals'
import { DateTime, optionalText, requiredText, Uuid } from './common'
import { ChildFields, childRules, FamilyInput, IsoDate } from './families'

/** A new child at the front door: the same fields and census rules as on a family's record. */
const NewChild = ChildFields.omit({ upn: true, laChildId: true }).superRefine((c, ctx) => childRules(c, ctx, false))

/**
 * Either a known record ({ existingXId }) or a new one. Decided by the presence of the id, so a
 * mistake in a new record is reported on its own field (a zod union would only say "invalid").
 */
function knownOrNew<K extends string, N extends z.ZodType>(idKey: K, fresh: N, description: string) {
  return z
    .looseObject({ [idKey]: Uuid.optional() } as Record<K, z.ZodOptional<typeof Uuid>>)
    .describe(description)
    .transform((value, ctx) => {
      const id = (value as Record<string, unknown>)[idKey]
      if (typeof id === 'string') return { [idKey]: id } as { [P in K]: string }
      const parsed = fresh.safeParse(value)
      if (!parsed.success) {
        // pass each problem on as it was (its kind and bounds too), so screens can word it
        for (const issue of parsed.error.issues) ctx.addIssue({ ...issue } as Parameters<typeof ctx.addIssue>[0])
        return z.NEVER
      }
      return parsed.data as z.output<N>
    })
}

export const ReferralChildInput = knownOrNew(
  'existingChildId',
  NewChild,
  'A known child ({ existingChildId }) or a new child: firstName, lastName, dateOfBirth or expectedDateOfBirth, sex, ethnicity, nhsNumber.',
)
const FamilyChoice = knownOrNew(
  'existingFamilyId',
  FamilyInput,
  'A known family ({ existingFamilyId }) or a new family: name, addressLine1, addressLine2, town, postcode, language, interpreterNeeded.',
)

export const ReferralInput = z
  .object({
    receivedAt: DateTime('must be a date and time, like 2026-11-20T14:05:00Z'),
    source: z.enum(REFERRAL_SOURCE_CODES as [string, ...string[]], {
      message: 'use a census referral source code (1A … 10)',
    }),
    referrerName: optionalText(200),
    referrerOrganisation: optionalText(200),
    referrerContact: optionalText(200),
    worries: requiredText(10_000, 'the worries'),
    familyKnowledge: optionalText(5_000),
    familyConsent: z.enum(FAMILY_CONSENT_LIST as [string, ...string[]]).default('unknown'),
    family: FamilyChoice,
    children: z.array(ReferralChildInput).min(1, { message: 'a referral is about at least one child' }).max(20),
    /** Known children the officer looked at and said were not these children (kept in the audit trail). */
    declinedMatches: z.array(Uuid).max(50).default([]),
  })
  .superRefine((r, ctx) => {
    if (new Date(r.receivedAt).getTime() > Date.now() + 5 * 60_000) {
      ctx.addIssue({ code: 'custom', path: ['receivedAt'], message: 'cannot be in the future' })
    }
    if (r.source !== '9' && !r.referrerName) {
      ctx.addIssue({
        code: 'custom',
        path: ['referrerName'],
        message: 'who referred? (use source 9 for anonymous referrals)',
      })
    }
  })
export type ReferralInput = z.infer<typeof ReferralInput>

export const DecisionInput = z.object({
  decision: z.enum(REFERRAL_DECISION_LIST as [string, ...string[]], { message: 'choose a decision' }),
  reasons: z
    .string({ message: 'say why, in plain words' })
    .trim()
    .min(10, { message: 'say why, in plain words (at least a sentence)' })
    .max(10_000),
  primaryNeedCode: z
    .enum(PRIMARY_NEED_CODE_LIST as [string, ...string[]], { message: 'use a primary need code N0 … N9' })
    .nullable()
    .optional(),
})
export type DecisionInput = z.infer<typeof DecisionInput>

export const RouteInput = z.object({ teamId: Uuid })

export const ClockView = z.object({
  dueDate: z.string(),
  dueAt: z.string(),
  state: z.enum(['on_track', 'due_soon', 'overdue', 'met', 'missed']),
})

export const ReferralSummary = z.object({
  id: Uuid,
  reference: z.string(),
  receivedAt: z.string(),
  source: z.string(),
  familyId: Uuid,
  familyName: z.string(),
  postcode: z.string(),
  childNames: z.array(z.string()),
  status: z.enum(['awaiting_decision', 'decided']),
  decision: z.string().nullable(),
  clock: ClockView,
  routingStatus: z.enum(['not_needed', 'queued', 'routed', 'unroutable']),
  routingNote: z.string().nullable(),
  routedTeamName: z.string().nullable(),
  openCase: z.boolean(),
})

export const ReferralDetail = ReferralSummary.extend({
  referrerName: z.string().nullable(),
  referrerOrganisation: z.string().nullable(),
  referrerContact: z.string().nullable(),
  worries: z.string(),
  familyKnowledge: z.string().nullable(),
  familyConsent: z.string(),
  decisionReasons: z.string().nullable(),
  primaryNeedCode: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  routedAt: z.string().nullable(),
  openCaseTeamName: z.string().nullable(),
  children: z.array(
    z.object({
      id: Uuid,
      firstName: z.string(),
      lastName: z.string(),
      dateOfBirth: z.string().nullable(),
      expectedDateOfBirth: z.string().nullable(),
      linked: z.boolean(),
    }),
  ),
  /**
   * A child of the family on a child protection plan, or under a section 47 enquiry still open (a
   * sibling's too): said on the referral, so the front door never decides without it.
   */
  protection: z.enum(['cp_plan', 's47']).nullable(),
  /** Minutes from receipt to decision, and from decision to the team's board (for insight). */
  timings: z.object({ receivedToDecidedMinutes: z.number().nullable(), decidedToBoardSeconds: z.number().nullable() }),
})

export const ReferralListQuery = z.object({ view: z.enum(['awaiting', 'unroutable', 'recent']).default('awaiting') })

export const MatchQueryInput = z.object({
  firstName: z.string().trim().max(100).optional(),
  lastName: z.string().trim().max(100).optional(),
  /** ISO, or as people write it (08/03/2018, day first). */
  dateOfBirth: z.preprocess((v) => (typeof v === 'string' ? toIsoDate(v) : v), IsoDate).optional(),
  postcode: z
    .string()
    .optional()
    .transform((s) => (s ? (normalisePostcode(s) ?? undefined) : undefined)),
})
/**
 * A known child who may be the one referred. A record kept from the officer (restricted, or a
 * family they declared they know) is a match without its details: `kept` says why, the reference
 * is there to break the glass on a restricted one, and nothing else of the child or family is.
 */
export const MatchResult = z.object({
  childId: Uuid,
  familyId: Uuid,
  kept: z.enum(['restricted', 'conflict']).nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  familyName: z.string().nullable(),
  familyReference: z.string(),
  postcode: z.string().nullable(),
  openToTeam: z.string().nullable(),
  score: z.number(),
  reasons: z.array(z.string()),
})

export const OfferView = z.object({
  id: Uuid,
  familyId: Uuid,
  familyName: z.string(),
  postcode: z.string(),
  referralId: Uuid,
  referralReference: z.string(),
  decision: z.string().nullable(),
  decisionReasons: z.string().nullable(),
  openCase: z.boolean(),
  offeredAt: z.string(),
  childCount: z.number().int(),
})

export const BankHoliday = z.object({
  date: z.string(),
  name: z.string(),
  source: z.enum(['england_and_wales', 'council']),
})
export const BankHolidayInput = z.object({ date: IsoDate, name: requiredText(100, 'name') })
