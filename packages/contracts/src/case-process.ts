import { z } from 'zod'
import { ASSESSMENT_FACTOR_LIST } from '@hearth/domain/assessments'
import {
  ABUSE_CATEGORY_LIST,
  AGENCY_LIST,
  CLOSURE_REASON_LIST,
  LEGAL_STATUS_LIST,
  PLACEMENT_TYPE_LIST,
  PP_OUTCOME_LIST,
  STEP_KIND_LIST,
  type StepKind,
} from '@hearth/domain/case-steps'
import { normalisePostcode } from '@hearth/domain/postcode'
import { PRIMARY_NEED_CODE_LIST, REFERRAL_SOURCE_CODES } from '@hearth/domain/referrals'
import {
  CARE_ENDED_REASON_LIST,
  PLACE_CHANGE_REASON_LIST,
  PROVIDER_CODE_LIST,
  REVIEW_PARTICIPATION_LIST,
} from '@hearth/domain/ssda903-codes'
import { optionalText, Uuid } from './common'
import { IsoDate } from './families'

/** Start a child and family assessment; the referral date is the latest referral's unless given. */
export const AssessmentStart = z.object({
  childId: z.uuid({ message: 'choose the child' }),
  startedOn: IsoDate,
  referralDate: IsoDate.nullable().optional(),
})

/** Finish it: authorised on a date, with the factors identified (census codes). */
export const AssessmentFinish = z.object({
  version: z.number({ message: 'the version you changed is required' }).int().min(1),
  authorisedOn: IsoDate,
  factors: z
    .array(z.enum(ASSESSMENT_FACTOR_LIST, { message: 'not a census factor code' }))
    .max(20)
    .default([]),
  summary: optionalText(5000),
})

export const AssessmentView = z.object({
  id: Uuid,
  familyId: Uuid,
  familyName: z.string(),
  childId: Uuid,
  childName: z.string(),
  referralDate: z.string(),
  startedOn: z.string(),
  authorisedOn: z.string().nullable(),
  factors: z.array(z.string()),
  summary: z.string().nullable(),
  /** 45 working days from the referral (WT2023 ch.3). */
  dueDate: z.string(),
  state: z.enum(['on_track', 'due_soon', 'overdue', 'finished']),
  version: z.number().int(),
})

const bool = (message: string) => z.boolean({ message })
/** PL_POST: a real postcode, written the standard way; a blank one is none. */
const PlacementPostcode = z
  .string({ message: 'enter the placement’s postcode' })
  .max(10, { message: 'enter a real postcode, like NM1 4AB' })
  .transform((s, ctx) => {
    if (!s.trim()) return null
    const n = normalisePostcode(s)
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'enter a real postcode, like NM1 4AB' })
      return z.NEVER
    }
    return n
  })
const nullableDate = IsoDate.nullable().default(null)
const code = <T extends string>(list: readonly T[], what: string) =>
  z.enum(list as [T, ...T[]], { message: `choose ${what} from the list` })

/** Each kind's coded answers (cin-census.md; CA1989 s.31ZA for pre-proceedings). */
export const StepDetails = {
  episode: z.object({
    referralSource: code(REFERRAL_SOURCE_CODES, 'who referred'),
    // an episode is a referral that went further than no further action: the census needs its need (8610)
    primaryNeed: code(PRIMARY_NEED_CODE_LIST, 'the primary need'),
    closureReason: code(CLOSURE_REASON_LIST, 'why it closed').nullable().default(null),
  }),
  strategy_discussion: z.object({
    agencies: z.array(code(AGENCY_LIST, 'who took part')).min(1, { message: 'choose who took part' }).max(6),
    decision: z.enum(['s47', 'no_s47'], { message: 'choose whether section 47 enquiries start' }),
  }),
  s47: z.object({ icpcRequired: bool('say whether a conference is needed').nullable().default(null) }),
  conference: z.object({
    type: z.enum(['initial', 'review'], { message: 'choose initial or review' }),
    decision: z.enum(['plan', 'no_plan', 'continue', 'end'], { message: 'choose the decision' }),
    chair: z.string().trim().min(1, { message: 'say who chaired it' }).max(200),
  }),
  cp_plan: z.object({
    category: code(ABUSE_CATEGORY_LIST, 'the category of abuse'),
    latestCategory: code(ABUSE_CATEGORY_LIST, 'the category of abuse').nullable().default(null),
  }),
  core_group: z.object({}),
  statutory_visit: z.object({
    plan: z.enum(['cp', 'cin', 'lac'], { message: 'choose the plan the visit is for' }),
    seenAlone: bool('say whether the child was seen alone'),
  }),
  cin_plan: z.object({}),
  cin_review: z.object({}),
  looked_after: z.object({
    legalStatus: code(LEGAL_STATUS_LIST, 'the legal status'),
    careLeaver: z.boolean().default(false),
    endReason: code(CARE_ENDED_REASON_LIST, 'why the child stopped being looked after').nullable().default(null),
  }),
  legal_status: z.object({ legalStatus: code(LEGAL_STATUS_LIST, 'the new legal status') }),
  placement: z.object({
    type: code(PLACEMENT_TYPE_LIST, 'the kind of placement'),
    provider: code(PROVIDER_CODE_LIST, 'who provides the placement').nullable().default(null),
    inArea: bool('say whether the placement is inside the council’s area'),
    untilEighteen: z.boolean().default(false),
    postcode: PlacementPostcode.nullable().default(null),
    sameCarers: z.boolean().default(false),
    changeReason: code(PLACE_CHANGE_REASON_LIST, 'why the child moved').nullable().default(null),
  }),
  lac_review: z.object({ participation: code(REVIEW_PARTICIPATION_LIST, 'how the child took part') }),
  care_plan: z.object({}),
  health_assessment: z.object({
    type: z.enum(['initial', 'review'], { message: 'choose initial or review' }),
  }),
  dental_check: z.object({}),
  pep: z.object({
    type: z.enum(['initial', 'review'], { message: 'choose the first plan or a review' }),
  }),
  missing_episode: z.object({
    kind: z.enum(['missing', 'away'], { message: 'choose missing or away from placement' }),
    returnInterview: z
      .enum(['held', 'declined'], { message: 'choose whether the interview was held or declined' })
      .nullable()
      .default(null),
    returnInterviewOn: nullableDate,
  }),
  pre_proceedings: z.object({
    lbpSentOn: nullableDate,
    fgdmOffered: z.boolean().nullable().default(null),
    fgdmNotOfferedReason: optionalText(2000).default(null),
    fgdmAccepted: z.boolean().nullable().default(null),
    fgdmFacilitatedOn: nullableDate,
    initialMeetingOn: nullableDate,
    reviewMeetingDates: z.array(IsoDate).max(20).default([]),
    stepDecisionOn: nullableDate,
    stepDecision: z.enum(['step_up', 'step_down'], { message: 'choose step up or step down' }).nullable().default(null),
    outcome: code(PP_OUTCOME_LIST, 'the outcome').nullable().default(null),
    courtApplicationOn: nullableDate,
    letterInitiatingOn: nullableDate,
  }),
} as const satisfies Record<StepKind, z.ZodType>

const stepOf = <K extends StepKind>(kind: K) =>
  z.object({
    kind: z.literal(kind),
    on: IsoDate,
    endOn: nullableDate,
    details: StepDetails[kind],
  })

/** A step as written: its kind, its date, an end date where the kind has one, and its answers. */
export const StepBody = z.discriminatedUnion(
  'kind',
  [
    stepOf('episode'),
    stepOf('strategy_discussion'),
    stepOf('s47'),
    stepOf('conference'),
    stepOf('cp_plan'),
    stepOf('core_group'),
    stepOf('statutory_visit'),
    stepOf('cin_plan'),
    stepOf('cin_review'),
    stepOf('looked_after'),
    stepOf('legal_status'),
    stepOf('placement'),
    stepOf('lac_review'),
    stepOf('care_plan'),
    stepOf('health_assessment'),
    stepOf('dental_check'),
    stepOf('pep'),
    stepOf('missing_episode'),
    stepOf('pre_proceedings'),
  ],
  { message: 'choose what kind of step this is' },
)

/** Record a step for a child of the family. */
export const StepCreate = z.intersection(z.object({ childId: z.uuid({ message: 'choose the child' }) }), StepBody)

/** Correct a step: the whole step as it should be, the version you read, and why. */
export const StepCorrect = z.intersection(
  z.object({
    version: z.number({ message: 'the version you changed is required' }).int().min(1),
    reason: z.string().trim().min(1, { message: 'say why it is corrected' }).max(2000),
  }),
  StepBody,
)

export const DueClockView = z.object({
  key: z.string(),
  clock: z.string(),
  label: z.string(),
  source: z.string(),
  force: z.enum(['law', 'statutory_guidance', 'local']),
  familyId: Uuid,
  familyName: z.string(),
  childId: Uuid,
  childName: z.string(),
  /** The family's lead: who is responsible for it (null while no one leads the family). */
  leadName: z.string().nullable(),
  startOn: z.string(),
  dueOn: z.string(),
  state: z.enum(['on_track', 'due_soon', 'overdue']),
  stepId: Uuid.nullable(),
  assessmentId: Uuid.nullable(),
  /** The day the daily sweep told the lead, co-worker and team (due soon or overdue), if it has. */
  alertedOn: z.string().nullable(),
})

/** A clock as the team board carries it: only what the board shows (the screens name the clock). */
export const BoardDueClock = DueClockView.pick({
  key: true,
  clock: true,
  familyId: true,
  familyName: true,
  childId: true,
  childName: true,
  leadName: true,
  dueOn: true,
  state: true,
  alertedOn: true,
})

export const StepView = z.object({
  id: Uuid,
  familyId: Uuid,
  childId: Uuid,
  childName: z.string(),
  kind: z.enum(STEP_KIND_LIST as [StepKind, ...StepKind[]]),
  label: z.string(),
  on: z.string(),
  endOn: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  corrections: z.number().int(),
})

export const StepDetailView = StepView.extend({
  changes: z.array(
    z.object({
      reason: z.string(),
      by: z.string(),
      at: z.string(),
      before: z.record(z.string(), z.unknown()),
      after: z.record(z.string(), z.unknown()),
    }),
  ),
})

export const CaseProcessView = z.object({
  steps: z.array(StepView),
  clocks: z.array(DueClockView),
})

/** A local clock's length as a council sets it, with why. */
export const ClockLengthSet = z.object({
  length: z.number({ message: 'give a whole number' }).int().min(1, { message: 'must be at least 1' }).max(365),
  reason: z.string().trim().min(1, { message: 'say why it changes' }).max(2000),
})

export const ClockSetting = z.object({
  clock: z.string(),
  label: z.string(),
  unit: z.enum(['working_days', 'calendar_days', 'months']),
  force: z.enum(['law', 'statutory_guidance', 'local']),
  source: z.string(),
  defaultLength: z.number().int(),
  length: z.number().int(),
  history: z.array(z.object({ length: z.number().int(), reason: z.string(), setBy: z.string(), setAt: z.string() })),
})

const assessed = z.object({ on: z.string(), type: z.enum(['initial', 'review']) })

/**
 * A looked-after child's "In care" page (#34): what is due first, then the period of care, its
 * legal status and placement, the care plan, health, education, reviews and times missing.
 */
export const InCareView = z.object({
  childId: Uuid,
  childName: z.string(),
  familyId: Uuid,
  dateOfBirth: z.string().nullable(),
  due: z.array(DueClockView),
  lookedAfter: z
    .object({
      stepId: Uuid,
      since: z.string(),
      until: z.string().nullable(),
      legalStatus: z.string(),
      legalStatusLabel: z.string(),
      careLeaver: z.boolean(),
    })
    .nullable(),
  periodsOfCare: z.number().int(),
  placement: z
    .object({
      stepId: Uuid,
      since: z.string(),
      type: z.string(),
      typeLabel: z.string(),
      provider: z.string().nullable(),
      providerLabel: z.string().nullable(),
      postcode: z.string().nullable(),
      inArea: z.boolean(),
      untilEighteen: z.boolean(),
    })
    .nullable(),
  /** The period of care's episodes as the looked-after return counts them (SSDA903 Episodes). */
  episodes: z.array(
    z.object({
      decom: z.string(),
      rne: z.string(),
      ls: z.string(),
      place: z.string().nullable(),
      provider: z.string().nullable(),
      postcode: z.string().nullable(),
      dec: z.string().nullable(),
      rec: z.string().nullable(),
      reasonPlaceChange: z.string().nullable(),
      placementStepId: Uuid.nullable(),
    }),
  ),
  placementsThisPeriod: z.number().int(),
  carePlanAgreedOn: z.string().nullable(),
  health: z.object({ lastAssessment: assessed.nullable(), lastDentalCheck: z.string().nullable() }),
  education: z.object({ lastPlan: assessed.nullable() }),
  reviews: z.object({ last: z.string().nullable(), held: z.number().int() }),
  missing: z.array(
    z.object({
      stepId: Uuid,
      from: z.string(),
      to: z.string().nullable(),
      kind: z.enum(['missing', 'away']),
      returnInterview: z.enum(['held', 'declined']).nullable(),
      returnInterviewOn: z.string().nullable(),
    }),
  ),
})
export type InCareView = z.infer<typeof InCareView>

/** A looked-after child of the families a team holds, for the team's "Children in care" list. */
export const TeamChildInCare = z.object({
  childId: Uuid,
  childName: z.string(),
  familyId: Uuid,
  familyName: z.string(),
  since: z.string(),
  legalStatus: z.string(),
  legalStatusLabel: z.string(),
  placement: z.string().nullable(),
  /** What falls due first for the child, if anything is running. */
  next: z
    .object({ label: z.string(), dueOn: z.string(), state: z.enum(['on_track', 'due_soon', 'overdue']) })
    .nullable(),
})
