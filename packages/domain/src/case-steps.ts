import { addCalendarMonths, type ClockId, clockDueDate } from './clocks'
import { PRIMARY_NEED_CODES, REFERRAL_SOURCES } from './referrals'
import { ofCompulsorySchoolAge } from './school-age'
import {
  CARE_ENDED_REASONS,
  type CareEndedReason,
  isTemporaryPlacement,
  PLACE_CHANGE_REASONS,
  PLACE_CODES,
  type PlaceChangeReason,
  type PlaceCode,
  PROVIDER_CODES,
  type ProviderCode,
  providerProblem,
  REVIEW_PARTICIPATION,
  type ReviewParticipation,
} from './ssda903-codes'
import { addWorkingDays, type HolidaySet, isWorkingDay } from './working-days'

/**
 * The statutory case process as steps on a child's record (WT2023 ch.3, CPPCR 2010, CA1989
 * s.31ZA): each step is a date, an optional end date and a few coded answers. Everything that
 * follows (the order rules and every clock) is worked out from the steps, so correcting a date
 * moves what follows at once.
 */
export const STEP_KINDS = {
  episode: 'Episode of need (referral to closure)',
  strategy_discussion: 'Strategy discussion',
  s47: 'Section 47 enquiry',
  conference: 'Child protection conference',
  cp_plan: 'Child protection plan',
  core_group: 'Core group meeting',
  statutory_visit: 'Statutory visit',
  cin_plan: 'Child in need plan',
  cin_review: 'Child in need plan review',
  looked_after: 'Looked after',
  legal_status: 'Legal status changed',
  placement: 'Placement',
  lac_review: 'Looked-after review',
  care_plan: 'Care plan agreed',
  health_assessment: 'Health assessment',
  dental_check: 'Dental check',
  pep: 'Personal education plan',
  missing_episode: 'Missing or away from placement',
  pre_proceedings: 'Pre-proceedings',
} as const
export type StepKind = keyof typeof STEP_KINDS
export const STEP_KIND_LIST = Object.keys(STEP_KINDS) as StepKind[]

/** What each kind's date and end date mean, for forms and the chronology. */
export const STEP_DATES: Record<StepKind, { on: string; end: string | null }> = {
  episode: { on: 'Referral date', end: 'Closure date' },
  strategy_discussion: { on: 'Date of the discussion', end: null },
  s47: { on: 'Date the enquiry started', end: 'Date the enquiry finished' },
  conference: { on: 'Date of the conference', end: null },
  cp_plan: { on: 'Date the plan started', end: 'Date the plan ended' },
  core_group: { on: 'Date of the meeting', end: null },
  statutory_visit: { on: 'Date of the visit', end: null },
  cin_plan: { on: 'Date the plan started', end: 'Date the plan ended' },
  cin_review: { on: 'Date of the review', end: null },
  looked_after: { on: 'Date the child became looked after', end: 'Date the child stopped being looked after' },
  legal_status: { on: 'Date the legal status changed', end: null },
  placement: { on: 'Date the placement started', end: 'Date the placement ended' },
  lac_review: { on: 'Date of the review', end: null },
  care_plan: { on: 'Date the care plan was agreed', end: null },
  health_assessment: { on: 'Date of the assessment', end: null },
  dental_check: { on: 'Date of the check', end: null },
  pep: { on: 'Date of the plan’s meeting', end: null },
  missing_episode: { on: 'Date the child went missing or away', end: 'Date the child came back' },
  pre_proceedings: {
    on: 'Date of the legal planning meeting that decided to start',
    end: 'Date pre-proceedings ended',
  },
}

export const CLOSURE_REASONS = {
  RC1: 'Adopted',
  RC2: 'Died',
  RC3: 'Child arrangements order',
  RC4: 'Special guardianship order',
  RC5: 'Transferred to another council',
  RC6: 'Transferred to adult social care',
  RC7: 'Services ceased for another reason, including no longer in need',
  RC8: 'Closed after assessment, no further action',
  RC9: 'Closed after assessment, referred to early help',
} as const
export type ClosureReason = keyof typeof CLOSURE_REASONS
export const CLOSURE_REASON_LIST = Object.keys(CLOSURE_REASONS) as ClosureReason[]

export const ABUSE_CATEGORIES = {
  NEG: 'Neglect',
  PHY: 'Physical abuse',
  SAB: 'Sexual abuse',
  EMO: 'Emotional abuse',
  MUL: 'Multiple (no longer recommended)',
} as const
export type AbuseCategory = keyof typeof ABUSE_CATEGORIES
export const ABUSE_CATEGORY_LIST = Object.keys(ABUSE_CATEGORIES) as AbuseCategory[]

export const AGENCIES = {
  social_care: 'Children’s social care',
  police: 'Police',
  health: 'Health',
  education: 'School or education',
  probation: 'Probation',
  other: 'Another agency',
} as const
export type Agency = keyof typeof AGENCIES
export const AGENCY_LIST = Object.keys(AGENCIES) as Agency[]

/** Legal status of a looked-after child (SSDA903 codes). */
export const LEGAL_STATUSES = {
  C1: 'Interim care order',
  C2: 'Full care order',
  D1: 'Freeing order granted',
  E1: 'Placement order granted',
  J1: 'Remanded to local authority accommodation or youth detention',
  J2: 'Placed under police protection and in local authority accommodation',
  J3: 'Sentenced to a youth rehabilitation order with residence or fostering',
  L1: 'Under police protection and in local authority accommodation',
  L2: 'Emergency protection order',
  L3: 'Child assessment order and in local authority accommodation',
  V2: 'Single period of accommodation under section 20',
  V3: 'Accommodated under an agreed series of short breaks',
  V4: 'Accommodated under an agreed series of short breaks (other)',
} as const
export type LegalStatus = keyof typeof LEGAL_STATUSES
export const LEGAL_STATUS_LIST = Object.keys(LEGAL_STATUSES) as LegalStatus[]

/** A placement's type: the looked-after return's PLACE codes (ssda903-codes.ts), recorded as they are. */
export const PLACEMENT_TYPES = PLACE_CODES
export type PlacementType = PlaceCode
export const PLACEMENT_TYPE_LIST = Object.keys(PLACEMENT_TYPES) as PlacementType[]

/** PPOutcome (census 2026–27, code set CS131): DfE has not yet published what A, B and C mean. */
export const PP_OUTCOMES = {
  A: 'Outcome A (census code)',
  B: 'Outcome B (census code)',
  C: 'Outcome C (census code)',
} as const
export type PpOutcome = keyof typeof PP_OUTCOMES
export const PP_OUTCOME_LIST = Object.keys(PP_OUTCOMES) as PpOutcome[]

export interface StepDetails {
  episode: {
    referralSource: keyof typeof REFERRAL_SOURCES
    primaryNeed: keyof typeof PRIMARY_NEED_CODES | null
    closureReason: ClosureReason | null
  }
  strategy_discussion: { agencies: Agency[]; decision: 's47' | 'no_s47' }
  s47: { icpcRequired: boolean | null }
  conference: { type: 'initial' | 'review'; decision: 'plan' | 'no_plan' | 'continue' | 'end'; chair: string }
  cp_plan: { category: AbuseCategory; latestCategory: AbuseCategory | null }
  core_group: Record<string, never>
  statutory_visit: { plan: 'cp' | 'cin' | 'lac'; seenAlone: boolean }
  cin_plan: Record<string, never>
  cin_review: Record<string, never>
  looked_after: { legalStatus: LegalStatus; careLeaver: boolean; endReason?: CareEndedReason | null }
  /** A change of legal status during a period of care: a new care episode (RNE L, or B/U with a move). */
  legal_status: { legalStatus: LegalStatus }
  placement: {
    type: PlacementType
    provider?: ProviderCode | null
    inArea: boolean
    untilEighteen?: boolean
    /** PL_POST: the placement's postcode (the address itself is not kept here). */
    postcode?: string | null
    /** Whether the child stays with the same carers as in the placement before (RNE T or U). */
    sameCarers?: boolean
    /** REASON_PLACE_CHANGE: given when the placement ends with the child moving. */
    changeReason?: PlaceChangeReason | null
  }
  /** How the child took part (SSDA903 REVIEW_CODE); absent on reviews recorded before it was asked. */
  lac_review: { participation?: ReviewParticipation | null }
  care_plan: Record<string, never>
  health_assessment: { type: 'initial' | 'review' }
  dental_check: Record<string, never>
  pep: { type: 'initial' | 'review' }
  /** SSDA903 Missing: M missing, A away from placement without permission. */
  missing_episode: {
    kind: 'missing' | 'away'
    returnInterview: 'held' | 'declined' | null
    returnInterviewOn: string | null
  }
  pre_proceedings: {
    lbpSentOn: string | null
    fgdmOffered: boolean | null
    fgdmNotOfferedReason: string | null
    fgdmAccepted: boolean | null
    fgdmFacilitatedOn: string | null
    initialMeetingOn: string | null
    reviewMeetingDates: string[]
    stepDecisionOn: string | null
    stepDecision: 'step_up' | 'step_down' | null
    outcome: PpOutcome | null
    courtApplicationOn: string | null
    letterInitiatingOn: string | null
  }
}

export interface CaseStep<K extends StepKind = StepKind> {
  id: string
  kind: K
  on: string
  endOn: string | null
  details: StepDetails[K]
}

type AnyStep = CaseStep
const is = <K extends StepKind>(s: AnyStep, k: K): s is CaseStep<K> => s.kind === k

export interface StepProblem {
  field: string
  /** In words, for the practitioner: no rule numbers. */
  message: string
  /** The census rules behind it, for the data team ("8820", "1105, 2885"), where there are any. */
  census?: string
  /** The step missing before this one, which the form offers to record first. */
  offer?: StepKind
}

const within = (date: string, s: AnyStep) => s.on <= date && (s.endOn === null || s.endOn >= date)
const overlaps = (a: AnyStep, b: AnyStep) => a.on <= (b.endOn ?? '9999-12-31') && b.on <= (a.endOn ?? '9999-12-31')

/**
 * What is wrong with a step, given the child's other steps (without this one): each problem names
 * the field and says why, with the census rule where there is one. Refused at the source rather
 * than reported at year end.
 */
export function stepProblems(
  step: AnyStep,
  others: readonly AnyStep[],
  today: string,
  child: { dateOfBirth?: string | null } = {},
): StepProblem[] {
  const out: StepProblem[] = []
  const say = (field: string, message: string, offer?: StepKind) => {
    // "(census rule 8820)" is for the data team: the practitioner reads the words alone
    const census = /\s*\(census rules? ([^)]+)\)/.exec(message)
    out.push({
      field: `body.${field}`,
      message: census ? message.replace(census[0], '') : message,
      ...(census ? { census: census[1] } : {}),
      ...(offer ? { offer } : {}),
    })
  }
  if (step.on > today) say('on', 'the date cannot be in the future')
  if (step.endOn !== null) {
    if (step.endOn > today) say('endOn', 'the date cannot be in the future')
    if (step.endOn < step.on)
      say(
        'endOn',
        step.kind === 'episode'
          ? 'the closure cannot be before the referral (census rule 8630)'
          : 'it cannot end before it started',
      )
  }
  const ofKind = <K extends StepKind>(k: K) => others.filter((o): o is CaseStep<K> => is(o, k))
  const episode = ofKind('episode').find((e) => within(step.on, e))
  const inEpisode = (o: AnyStep) => (episode ? within(o.on, episode) : false)

  if (is(step, 'episode')) {
    const d = step.details
    if (step.endOn !== null && !d.closureReason)
      say('details.closureReason', 'choose why the episode closed (census rule 8805)')
    if (step.endOn === null && d.closureReason) say('endOn', 'give the closure date with its reason (census rule 8810)')
    if (ofKind('episode').some((e) => overlaps(e, step)))
      say('on', 'this episode overlaps another: close the other first (census rule 8820)')
    const mine = others.filter((o) => o.kind !== 'episode' && within(o.on, step))
    const end = step.endOn
    const stillOpen =
      end === null ? undefined : mine.find((o) => STEP_DATES[o.kind].end !== null && (o.endOn ?? '9999-12-31') > end)
    if (stillOpen)
      say(
        'endOn',
        `end the ${STEP_KINDS[stillOpen.kind].toLowerCase()} first: the episode cannot close while it is open (census rule 8565)`,
      )
    if (d.closureReason === 'RC8' || d.closureReason === 'RC9') {
      if (mine.some((o) => ['s47', 'conference', 'cp_plan', 'cin_plan'].includes(o.kind)))
        say(
          'details.closureReason',
          'an episode with an enquiry, a conference or a plan did not close after assessment (census rule 2990)',
        )
    }
    return out
  }

  if (!episode) {
    say(
      'on',
      'record the episode of need first: this date is outside any episode of need (census rules 1103, 2889, 1105, 4015)',
      'episode',
    )
    return out
  }

  switch (step.kind) {
    case 'strategy_discussion': {
      const d = (step as CaseStep<'strategy_discussion'>).details
      if (!d.agencies.length) say('details.agencies', 'choose who took part')
      break
    }
    case 's47': {
      const sd = ofKind('strategy_discussion').filter(
        (s) => inEpisode(s) && s.details.decision === 's47' && s.on <= step.on,
      )
      if (!sd.length)
        say(
          'on',
          'a section 47 enquiry starts from a strategy discussion that decided on one: record that first',
          'strategy_discussion',
        )
      if (ofKind('s47').some((s) => inEpisode(s) && overlaps(s, step)))
        say('on', 'this enquiry overlaps another (census rule 8890)')
      break
    }
    case 'conference': {
      const d = (step as CaseStep<'conference'>).details
      if (!isWorkingDay(step.on, new Set())) say('on', 'a conference is not held at a weekend (census rule 8875)')
      if (d.type === 'initial') {
        if (!['plan', 'no_plan'].includes(d.decision))
          say('details.decision', 'an initial conference decides on a plan or not')
        const sds = ofKind('strategy_discussion').filter((s) => inEpisode(s) && s.details.decision === 's47')
        const s47s = ofKind('s47').filter(inEpisode)
        if (!sds.length || !s47s.length)
          say(
            'on',
            'an initial conference follows a strategy discussion and a section 47 enquiry: record those first',
            sds.length ? 's47' : 'strategy_discussion',
          )
        else if (sds.every((s) => s.on > step.on))
          say('on', 'the initial conference cannot be before the strategy discussion that started the enquiry')
        else if (s47s.every((s) => s.on > step.on))
          say('on', 'the initial conference cannot be before the section 47 enquiry started (census rule 8615)')
      } else {
        if (!['continue', 'end'].includes(d.decision))
          say('details.decision', 'a review conference continues the plan or ends it')
        const plan = ofKind('cp_plan').find((p) => within(step.on, p))
        if (!plan) say('on', 'a review conference reviews a child protection plan open on that date')
        else if (plan.on >= step.on) say('on', 'the review must be after the plan started (census rule 8841)')
      }
      if (!d.chair.trim()) say('details.chair', 'say who chaired the conference')
      break
    }
    case 'cp_plan': {
      const icpc = ofKind('conference').find(
        (c) => inEpisode(c) && c.details.type === 'initial' && c.details.decision === 'plan' && c.on === step.on,
      )
      if (!icpc)
        say(
          'on',
          'a child protection plan starts on the date of the initial conference that decided on it (census rules 1105, 2885)',
          'conference',
        )
      if (ofKind('cp_plan').some((p) => overlaps(p, step)))
        say('on', 'this plan overlaps another child protection plan (census rule 8940)')
      const cin = ofKind('cin_plan').find((p) => overlaps(p, { ...step, on: addDay(step.on) }))
      if (cin) say('on', 'end the child in need plan on or before this date first (census rule 4001)')
      if (step.endOn === step.on) say('endOn', 'a plan cannot start and end on the same day (census rule 8840)')
      break
    }
    case 'core_group':
      if (!ofKind('cp_plan').some((p) => within(step.on, p)))
        say('on', 'a core group meets while a child protection plan is open')
      break
    case 'statutory_visit': {
      const d = (step as CaseStep<'statutory_visit'>).details
      const open =
        d.plan === 'cp'
          ? ofKind('cp_plan').some((p) => within(step.on, p))
          : d.plan === 'cin'
            ? ofKind('cin_plan').some((p) => within(step.on, p))
            : ofKind('looked_after').some((p) => within(step.on, p))
      if (!open) say('details.plan', 'the child was not on that plan, or not looked after, on that date')
      break
    }
    case 'cin_plan':
      if (ofKind('cin_plan').some((p) => overlaps(p, step)))
        say('on', 'this plan overlaps another child in need plan (census rule 4014)')
      if (
        ofKind('cp_plan').some((p) =>
          overlaps(p, { ...step, endOn: step.endOn === null ? null : minusDay(step.endOn) }),
        )
      )
        say(
          'on',
          'the child is on a child protection plan then: a child in need plan does not run beside it (census rule 4001)',
        )
      if (step.endOn === step.on) say('endOn', 'a plan cannot start and end on the same day (census rule 4012Q)')
      break
    case 'cin_review':
      if (!ofKind('cin_plan').some((p) => within(step.on, p) && p.on < step.on))
        say('on', 'a review is of a child in need plan open on that date, after it started')
      break
    case 'looked_after': {
      const d = (step as CaseStep<'looked_after'>).details
      if (ofKind('looked_after').some((p) => overlaps(p, step)))
        say('on', 'this overlaps another period of being looked after')
      if (step.endOn !== null && !d.endReason)
        say('details.endReason', 'choose why the child stopped being looked after')
      if (step.endOn === null && d.endReason) say('endOn', 'give the date the child stopped being looked after')
      break
    }
    case 'legal_status': {
      const la = ofKind('looked_after').find((p) => within(step.on, p) && p.on < step.on)
      if (!la) {
        say(
          'on',
          'a change of legal status is after the child became looked after, and before it ended',
          'looked_after',
        )
        break
      }
      const before = ofKind('legal_status')
        .filter((c) => c.on > la.on && c.on < step.on)
        .sort((a, b) => a.on.localeCompare(b.on))
        .at(-1)
      const current = before?.details.legalStatus ?? la.details.legalStatus
      if ((step as CaseStep<'legal_status'>).details.legalStatus === current)
        say('details.legalStatus', 'that is the legal status already: choose the new one')
      if (ofKind('legal_status').some((c) => c.on === step.on))
        say('on', 'a change of legal status is already recorded that day: correct that one')
      break
    }
    case 'placement': {
      const d = (step as CaseStep<'placement'>).details
      const la = ofKind('looked_after').find((p) => within(step.on, p))
      if (!la) say('on', 'a placement starts while the child is looked after: record that first', 'looked_after')
      if (ofKind('placement').some((p) => p.on < (step.endOn ?? '9999-12-31') && step.on < (p.endOn ?? '9999-12-31')))
        say('on', 'this placement overlaps another: end the other first')
      const provider = providerProblem(d.type, d.provider ?? null)
      if (provider) say('details.provider', provider)
      if (d.changeReason && step.endOn === null)
        say('details.changeReason', 'a reason for moving is given when the placement ends')
      if (d.changeReason && isTemporaryPlacement(d.type))
        say('details.changeReason', 'a temporary move has no reason for moving: the child goes back')
      break
    }
    case 'lac_review': {
      if (!ofKind('looked_after').some((p) => within(step.on, p)))
        say('on', 'a looked-after review is held while the child is looked after')
      const took = (step as CaseStep<'lac_review'>).details.participation
      const dob = child.dateOfBirth
      if (took && dob) {
        const underFour = step.on < addCalendarMonths(dob, 48)
        if (took === 'PN0' && !underFour)
          say(
            'details.participation',
            'the child was 4 or over at the review: say how they took part (census rule 440)',
          )
        if (took !== 'PN0' && underFour)
          say('details.participation', 'the child was under 4 at the review: choose “Under 4” (census rule 441)')
      }
      break
    }
    case 'care_plan':
    case 'dental_check':
      if (!ofKind('looked_after').some((p) => within(step.on, p)))
        say('on', 'the child was not looked after on that date', 'looked_after')
      break
    case 'health_assessment':
    case 'pep': {
      const la = ofKind('looked_after').find((p) => within(step.on, p))
      if (!la) {
        say('on', 'the child was not looked after on that date', 'looked_after')
        break
      }
      const what = step.kind === 'pep' ? 'personal education plan' : 'health assessment'
      const type = (step.details as { type: 'initial' | 'review' }).type
      const mine = others.filter((o) => o.kind === step.kind && within(o.on, la))
      const initial = mine.find((o) => (o.details as { type: string }).type === 'initial')
      if (type === 'initial' && initial)
        say('details.type', `the initial ${what} is already recorded: this is a review`)
      if (type === 'review' && (!initial || initial.on > step.on))
        say('details.type', `a review follows the initial ${what}: record that first`)
      break
    }
    case 'missing_episode': {
      const d = (step as CaseStep<'missing_episode'>).details
      if (ofKind('missing_episode').some((o) => overlaps(o, step)))
        say('on', 'this overlaps another time missing or away: correct that one instead')
      if (d.returnInterview !== null && step.endOn === null)
        say('details.returnInterview', 'a return home interview follows the child coming back: give that date first')
      if (d.returnInterview === 'held' && !d.returnInterviewOn)
        say('details.returnInterviewOn', 'give the date of the return home interview')
      if (d.returnInterview !== 'held' && d.returnInterviewOn)
        say('details.returnInterviewOn', 'a date is given only for an interview that was held')
      if (d.returnInterviewOn && step.endOn && d.returnInterviewOn < step.endOn)
        say('details.returnInterviewOn', 'the interview cannot be before the child came back')
      if (d.returnInterviewOn && d.returnInterviewOn > today)
        say('details.returnInterviewOn', 'the date cannot be in the future')
      break
    }
    case 'pre_proceedings':
      out.push(...ppProblems(step as CaseStep<'pre_proceedings'>, today))
      if (ofKind('pre_proceedings').some((p) => overlaps(p, step)))
        say('on', 'pre-proceedings for this child are already open')
      break
  }
  return out
}

function ppProblems(step: CaseStep<'pre_proceedings'>, today: string): StepProblem[] {
  const out: StepProblem[] = []
  const d = step.details
  const say = (field: string, message: string) => out.push({ field: `body.details.${field}`, message })
  const dates: [keyof typeof d, string | null][] = [
    ['lbpSentOn', d.lbpSentOn],
    ['fgdmFacilitatedOn', d.fgdmFacilitatedOn],
    ['initialMeetingOn', d.initialMeetingOn],
    ['stepDecisionOn', d.stepDecisionOn],
    ['courtApplicationOn', d.courtApplicationOn],
    ['letterInitiatingOn', d.letterInitiatingOn],
  ]
  for (const [field, date] of dates) {
    if (date && date > today) say(field, 'the date cannot be in the future')
    if (date && date < step.on) say(field, 'this cannot be before pre-proceedings started (census rules 9006, 9009)')
  }
  if (d.lbpSentOn && d.fgdmOffered === null)
    say('fgdmOffered', 'say whether the letter offered a family group decision-making meeting (census rule 9007)')
  if (d.fgdmOffered === false && !d.fgdmNotOfferedReason?.trim())
    say(
      'fgdmNotOfferedReason',
      'say why a family group decision-making meeting is not in the child’s best interests: the only reason the 2026 Act allows',
    )
  if (d.fgdmOffered !== false && d.fgdmNotOfferedReason?.trim())
    say('fgdmNotOfferedReason', 'a reason is given only when the meeting is not offered')
  if (d.fgdmAccepted !== null && d.fgdmOffered !== true)
    say('fgdmAccepted', 'the family can accept only a meeting that was offered')
  if (d.fgdmFacilitatedOn && d.fgdmAccepted !== true)
    say('fgdmFacilitatedOn', 'a meeting is held once the family has accepted it')
  for (const r of d.reviewMeetingDates) {
    if (!d.initialMeetingOn || r <= d.initialMeetingOn) {
      say('reviewMeetingDates', 'review meetings follow the initial pre-proceedings meeting')
      break
    }
    if (r > today) {
      say('reviewMeetingDates', 'the date cannot be in the future')
      break
    }
  }
  if ((d.stepDecision === null) !== (d.stepDecisionOn === null))
    say(
      d.stepDecision === null ? 'stepDecision' : 'stepDecisionOn',
      'give the decision to step up or down with its date',
    )
  if (d.courtApplicationOn && d.stepDecision !== 'step_up')
    say('courtApplicationOn', 'a court application follows a decision to step up (census rule 9012)')
  if (d.courtApplicationOn && d.stepDecisionOn && d.courtApplicationOn < d.stepDecisionOn)
    say('courtApplicationOn', 'the application cannot be before the decision to start proceedings (census rule 9012)')
  if (d.letterInitiatingOn && (!d.courtApplicationOn || d.letterInitiatingOn < d.courtApplicationOn))
    say(
      'letterInitiatingOn',
      'the letter initiating proceedings is on or after the court application (census rule 9013)',
    )
  if (step.endOn !== null && !d.outcome) say('outcome', 'choose the outcome when pre-proceedings end')
  if (d.outcome && step.endOn === null)
    out.push({ field: 'body.endOn', message: 'give the date pre-proceedings ended with the outcome' })
  return out
}

const addDay = (iso: string) => shift(iso, 1)
const minusDay = (iso: string) => shift(iso, -1)
function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** A clock running now: what it is for, the start event's date, when it is due, and which step started it. */
export interface DueClock {
  /** Stable while the start event is the same: correcting a date keeps the key and moves the due date. */
  key: string
  clock: ClockId
  startOn: string
  dueOn: string
  stepId: string | null
  assessmentId: string | null
}

export interface OpenAssessment {
  id: string
  referralDate: string
}

/**
 * Every clock running for one child, from the child's steps and open assessments. A clock stops
 * when what it waits for is recorded (the conference held, the review held, the child seen) or
 * when what it belongs to ends (the plan, the placement, the episode).
 */
export function childClocks(
  steps: readonly AnyStep[],
  openAssessments: readonly OpenAssessment[],
  holidays: HolidaySet,
  lengths: Partial<Record<ClockId, number>> = {},
  child: { dateOfBirth?: string | null } = {},
): DueClock[] {
  const out: DueClock[] = []
  const due = (
    clock: ClockId,
    startOn: string,
    stepId: string | null,
    key: string,
    assessmentId: string | null = null,
  ) =>
    out.push({
      key: `${clock}:${key}`,
      clock,
      startOn,
      dueOn: clockDueDate(clock, startOn, holidays, lengths),
      stepId,
      assessmentId,
    })
  const ofKind = <K extends StepKind>(k: K) =>
    steps.filter((o): o is CaseStep<K> => is(o, k)).sort((a, b) => a.on.localeCompare(b.on))
  const open = (s: AnyStep) => s.endOn === null
  const episodes = ofKind('episode')
  const openEpisode = (date: string) => episodes.find((e) => open(e) && e.on <= date)

  for (const a of openAssessments) due('assessment', a.referralDate, null, a.id, a.id)

  // ICPC within 15 WD of the strategy discussion at which s47 enquiries began
  for (const sd of ofKind('strategy_discussion')) {
    if (sd.details.decision !== 's47' || !openEpisode(sd.on)) continue
    const icpc = ofKind('conference').some((c) => c.details.type === 'initial' && c.on >= sd.on)
    const notNeeded = ofKind('s47').some((s) => s.on >= sd.on && s.details.icpcRequired === false)
    if (!icpc && !notNeeded) due('icpc', sd.on, sd.id, sd.id)
  }

  for (const plan of ofKind('cp_plan').filter(open)) {
    const groups = ofKind('core_group').filter((g) => g.on >= plan.on)
    const lastGroup = groups.at(-1)
    if (!lastGroup) due('first_core_group', plan.on, plan.id, plan.id)
    else due('later_core_group', lastGroup.on, lastGroup.id, plan.id)
    const reviews = ofKind('conference').filter((c) => c.details.type === 'review' && c.on > plan.on)
    const lastReview = reviews.at(-1)
    if (!lastReview) due('first_rcpc', plan.on, plan.id, plan.id)
    else due('later_rcpc', lastReview.on, lastReview.id, plan.id)
    const visit = ofKind('statutory_visit')
      .filter((v) => v.details.plan === 'cp' && v.on >= plan.on)
      .at(-1)
    due('cp_visit', visit?.on ?? plan.on, visit?.id ?? plan.id, plan.id)
  }

  for (const plan of ofKind('cin_plan').filter(open)) {
    const visit = ofKind('statutory_visit')
      .filter((v) => v.details.plan === 'cin' && v.on >= plan.on)
      .at(-1)
    due('cin_visit', visit?.on ?? plan.on, visit?.id ?? plan.id, plan.id)
    const review = ofKind('cin_review')
      .filter((r) => r.on > plan.on)
      .at(-1)
    due('cin_review', review?.on ?? plan.on, review?.id ?? plan.id, plan.id)
  }

  for (const la of ofKind('looked_after').filter(open)) {
    // review clocks run from the day the child became looked after, not from placement moves
    const reviews = ofKind('lac_review').filter((r) => r.on >= la.on)
    if (reviews.length === 0) due('first_lac_review', la.on, la.id, la.id)
    else if (reviews.length === 1) due('second_lac_review', reviews[0]!.on, reviews[0]!.id, la.id)
    else due('later_lac_review', reviews.at(-1)!.on, reviews.at(-1)!.id, la.id)
    // the care plan: within 10 working days of the first placement, unless agreed already (reg 4(2))
    const firstPlacement = ofKind('placement').find((x) => x.on >= la.on)
    if (firstPlacement && !ofKind('care_plan').some((c) => c.on >= la.on))
      due('care_plan', firstPlacement.on, firstPlacement.id, la.id)
    // health: the initial assessment, then reviews every 6 months under 5 and 12 from 5 (reg 7)
    const lastHealth = ofKind('health_assessment')
      .filter((h) => h.on >= la.on)
      .at(-1)
    if (!lastHealth) due('initial_health_assessment', la.on, la.id, la.id)
    else {
      const dob = child.dateOfBirth
      // not knowing the age, the shorter interval
      const underFive = !dob || lastHealth.on < addCalendarMonths(dob, 60)
      due(underFive ? 'health_review_under_five' : 'health_review', lastHealth.on, lastHealth.id, la.id)
    }
    // education: a plan for a child of school age, then its reviews each term
    const lastPep = ofKind('pep')
      .filter((p) => p.on >= la.on)
      .at(-1)
    if (lastPep) due('pep_review', lastPep.on, lastPep.id, la.id)
    else if (child.dateOfBirth && ofCompulsorySchoolAge(child.dateOfBirth, la.on)) due('pep', la.on, la.id, la.id)
    // visit clocks restart with each placement (CPPCR reg 28(2))
    for (const p of ofKind('placement').filter((x) => open(x) && x.on >= la.on)) {
      const visit = ofKind('statutory_visit')
        .filter((v) => v.details.plan === 'lac' && v.on >= p.on)
        .at(-1)
      if (!visit) due('first_lac_visit', p.on, p.id, p.id)
      else if (p.details.untilEighteen && visit.on >= addCalendarMonths(p.on, 12))
        due('lac_visit_long_term', visit.on, visit.id, p.id)
      else due('lac_visit', visit.on, visit.id, p.id)
    }
  }

  // back from being missing or away: the return home interview within 72 hours
  for (const m of ofKind('missing_episode'))
    if (m.endOn !== null && m.details.returnInterview === null) due('return_home_interview', m.endOn, m.id, m.id)

  for (const pp of ofKind('pre_proceedings').filter(open)) {
    const d = pp.details
    if (d.outcome || !d.initialMeetingOn) continue
    const last = [...d.reviewMeetingDates].sort().at(-1) ?? d.initialMeetingOn
    due('pp_review', last, pp.id, pp.id)
  }
  return out
}

export type DueState = 'on_track' | 'due_soon' | 'overdue'

/**
 * Where a due date stands on a day: overdue the day after it, due soon from `warningDays` working
 * days before it (the council sets the warning; 2 by default).
 */
export function dueState(dueOn: string, today: string, holidays: HolidaySet, warningDays = 2): DueState {
  if (today > dueOn) return 'overdue'
  return addWorkingDays(today, warningDays, holidays) >= dueOn ? 'due_soon' : 'on_track'
}

const wordDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })

/** A step's answers in words, for the family page and the chronology. */
export function describeStep(s: CaseStep): string {
  const d = s.details as unknown as Record<string, unknown>
  const said = (list: Record<string, string>, k: string) => (d[k] ? (list[d[k] as string] ?? String(d[k])) : null)
  switch (s.kind) {
    case 'episode':
      return [
        `Referred by: ${said(REFERRAL_SOURCES, 'referralSource')}`,
        d.primaryNeed && `need: ${said(PRIMARY_NEED_CODES, 'primaryNeed')}`,
        d.closureReason && `closed: ${said(CLOSURE_REASONS, 'closureReason')}`,
      ]
        .filter(Boolean)
        .join('; ')
    case 'strategy_discussion':
      return `${(d.agencies as string[]).map((a) => AGENCIES[a as keyof typeof AGENCIES] ?? a).join(', ')}. ${d.decision === 's47' ? 'Section 47 enquiries start.' : 'No section 47 enquiries.'}`
    case 's47':
      return d.icpcRequired === null
        ? 'Conference not yet decided.'
        : d.icpcRequired
          ? 'A conference is needed.'
          : 'No conference needed.'
    case 'conference':
      return `${d.type === 'initial' ? 'Initial' : 'Review'}, chaired by ${d.chair}: ${({ plan: 'a child protection plan', no_plan: 'no plan', continue: 'the plan continues', end: 'the plan ends' } as Record<string, string>)[d.decision as string]}.`
    case 'cp_plan':
      return `Category: ${said(ABUSE_CATEGORIES, 'category')}${d.latestCategory ? `, now ${said(ABUSE_CATEGORIES, 'latestCategory')}` : ''}.`
    case 'statutory_visit':
      return `${({ cp: 'Child protection', cin: 'Child in need', lac: 'Looked after' } as Record<string, string>)[d.plan as string]} visit; ${d.seenAlone ? 'seen alone' : 'not seen alone'}.`
    case 'looked_after':
      return `${said(LEGAL_STATUSES, 'legalStatus')}${d.careLeaver ? '; a care leaver' : ''}${d.endReason ? `; ended: ${said(CARE_ENDED_REASONS, 'endReason')}` : ''}.`
    case 'legal_status':
      return `Now: ${said(LEGAL_STATUSES, 'legalStatus')} (${d.legalStatus}).`
    case 'lac_review':
      return d.participation ? `${said(REVIEW_PARTICIPATION, 'participation')} (${d.participation}).` : ''
    case 'placement':
      return [
        `${said(PLACEMENT_TYPES, 'type')} (${d.type})`,
        d.provider ? said(PROVIDER_CODES, 'provider') : null,
        d.inArea ? 'in the area' : 'out of the area',
        d.sameCarers ? 'the same carers as before' : null,
        d.changeReason ? `moved: ${said(PLACE_CHANGE_REASONS, 'changeReason')}` : null,
      ]
        .filter(Boolean)
        .join(', ')
        .concat('.')
    case 'health_assessment':
    case 'pep':
      return d.type === 'initial' ? 'Initial.' : 'Review.'
    case 'missing_episode':
      return [
        d.kind === 'away' ? 'Away from placement without permission' : 'Missing',
        d.returnInterview === 'held'
          ? `return home interview held ${wordDate(d.returnInterviewOn as string)}`
          : d.returnInterview === 'declined'
            ? 'return home interview offered and declined'
            : s.endOn
              ? 'return home interview not yet held'
              : null,
      ]
        .filter(Boolean)
        .join('; ')
        .concat('.')
    case 'pre_proceedings':
      return [
        d.lbpSentOn ? `Letter before proceedings ${wordDate(d.lbpSentOn as string)}` : 'Letter not yet sent',
        d.fgdmOffered === true
          ? 'family group decision-making offered'
          : d.fgdmOffered === false
            ? `meeting not offered: ${d.fgdmNotOfferedReason}`
            : null,
        d.fgdmAccepted === true ? 'accepted' : d.fgdmAccepted === false ? 'declined' : null,
        d.fgdmFacilitatedOn ? `held ${wordDate(d.fgdmFacilitatedOn as string)}` : null,
        d.stepDecision
          ? `${d.stepDecision === 'step_up' ? 'stepped up' : 'stepped down'} ${wordDate(d.stepDecisionOn as string)}`
          : null,
        d.outcome ? `outcome ${d.outcome}` : null,
      ]
        .filter(Boolean)
        .join('; ')
    default:
      return ''
  }
}
