import { ASSESSMENT_FACTOR_LIST } from '@hearth/domain/assessments'
import { ABUSE_CATEGORY_LIST, CLOSURE_REASON_LIST, PP_OUTCOME_LIST } from '@hearth/domain/case-steps'
import { DISABILITY_CODES, ETHNICITY_CODES } from '@hearth/domain/census-codes'
import { isValidLaChildId, isValidUpn, upnHasLaCode } from '@hearth/domain/identifiers'
import { PRIMARY_NEED_CODE_LIST, REFERRAL_SOURCE_CODES } from '@hearth/domain/referrals'
import { ofCompulsorySchoolAge } from '@hearth/domain/school-age'
import { addCalendarDays, type HolidaySet, isWorkingDay, workingDaysBetween } from '@hearth/domain/working-days'
import type { CensusChild, CensusContext, CensusEpisode } from './model'

/**
 * The DfE validation rules (cin-census.md §4, and module 5 for 2026–27), each its own small
 * function named by its number with the DfE's message (paraphrased as in cin-census.md). A rule
 * ending in Q is a query: it may stay, with a reason kept with the return; the rest are errors and
 * block "ready to submit".
 */
export type Severity = 'error' | 'query'
export interface RuleContext extends CensusContext {
  holidays: HolidaySet
}
export interface ChildRule {
  code: string
  severity: Severity
  message: string
  /** True when the child breaks the rule. */
  fails(c: CensusChild, x: RuleContext): boolean
}
/** A rule over the whole return: the children it names. */
export interface CouncilRule {
  code: string
  severity: Severity
  message: string
  /** The children it names ([] when it is about the return as a whole), or null when it passes. */
  failing(children: CensusChild[], x: RuleContext): CensusChild[] | null
}

const END = '9999-12-31'
const sev = (code: string): Severity => (code.endsWith('Q') ? 'query' : 'error')
const rule = (code: string, message: string, fails: ChildRule['fails']): ChildRule => ({
  code,
  severity: sev(code),
  message,
  fails,
})
const inPeriod = (d: string | null, x: RuleContext) => !d || (d >= x.periodStart && d <= x.referenceDate)
const episodes = (c: CensusChild) => c.episodes
const some = (c: CensusChild, f: (e: CensusEpisode) => boolean) => c.episodes.some(f)
const nonNfa = (c: CensusChild) => c.episodes.filter((e) => !e.referralNfa)
const overlap = (a: { s: string; e: string | null }, b: { s: string; e: string | null }) =>
  a.s <= (b.e ?? END) && b.s <= (a.e ?? END)
const pairs = <T>(xs: T[]) => xs.flatMap((a, i) => xs.slice(i + 1).map((b) => [a, b] as const))
const stepStarts = (e: CensusEpisode) => [
  ...e.assessments.map((a) => a.startDate),
  ...e.section47s.map((s) => s.startDate),
  ...e.cpPlans.map((p) => p.startDate),
  ...e.cinPlans.map((p) => p.startDate),
]

export const CHILD_RULES: ChildRule[] = [
  // identifiers and characteristics
  rule('8500', 'LAchildID is missing', (c) => !c.laChildId),
  rule('1570', 'LAchildID is longer than 20 characters', (c) => c.laChildId.length > 20),
  rule('1580', 'LAchildID contains characters other than letters and digits', (c) => !isValidLaChildId(c.laChildId)),
  rule('1510', 'UPN is not valid (check letter, digits or final character)', (c) => !!c.upn && !isValidUpn(c.upn)),
  rule(
    '1530',
    'UPN characters 2 to 4 are not a recognised local authority code',
    (c) => !!c.upn && !upnHasLaCode(c.upn),
  ),
  rule('4180', 'Sex is missing or not M, F or U', (c) => !['M', 'F', 'U'].includes(c.sex)),
  rule('8750', 'An unborn child’s Sex must be U', (c) => !c.dateOfBirth && !!c.expectedDateOfBirth && c.sex !== 'U'),
  rule(
    '4220',
    'Ethnicity is missing or not a valid code',
    (c) => !(ETHNICITY_CODES as readonly string[]).includes(c.ethnicity),
  ),
  rule(
    '8520',
    'Date of birth is after the reference date',
    (c, x) => !!c.dateOfBirth && c.dateOfBirth > x.referenceDate,
  ),
  rule(
    '8525Q',
    'Give a date of birth or an expected date of birth: not both, not neither',
    (c) => !c.dateOfBirth === !c.expectedDateOfBirth,
  ),
  rule(
    '8530Q',
    'Expected date of birth is outside the reference date −30 days to +9 months',
    (c, x) =>
      !!c.expectedDateOfBirth &&
      (c.expectedDateOfBirth < addCalendarDays(x.referenceDate, -30) ||
        c.expectedDateOfBirth > addCalendarDays(x.referenceDate, 275)),
  ),
  rule(
    '8540',
    'Disability is missing or not valid for a child who is not only referred with no further action',
    (c) =>
      !!c.dateOfBirth &&
      nonNfa(c).length > 0 &&
      (c.disabilities.length === 0 || c.disabilities.some((d) => !(DISABILITY_CODES as readonly string[]).includes(d))),
  ),
  rule(
    '8790',
    'Disability code NONE is used with other codes',
    (c) => c.disabilities.includes('NONE') && c.disabilities.length > 1,
  ),
  rule('8794', 'A disability code is repeated', (c) => new Set(c.disabilities).size !== c.disabilities.length),
  rule(
    '8535Q',
    'Date of death is before the date of birth',
    (c) => !!c.dateOfDeath && !!c.dateOfBirth && c.dateOfDeath < c.dateOfBirth,
  ),
  rule(
    '8545Q',
    'Date of death is outside the collection period',
    (c, x) => !!c.dateOfDeath && !inPeriod(c.dateOfDeath, x),
  ),
  rule(
    '8555Q',
    'A referral is after the child’s death',
    (c) => !!c.dateOfDeath && some(c, (e) => e.referralDate > c.dateOfDeath!),
  ),
  rule(
    '8585Q',
    'Closed as died (RC2) but there is no date of death',
    (c) => !c.dateOfDeath && some(c, (e) => e.closureReason === 'RC2'),
  ),
  rule(
    '8772',
    'UPN unknown reason UN7 is used but an episode is not NFA',
    (c) => c.upnUnknown === 'UN7' && nonNfa(c).length > 0,
  ),
  rule(
    '8775Q',
    'The child is over 25 and the case is still open',
    (c, x) =>
      !!c.dateOfBirth &&
      c.dateOfBirth < addCalendarDays(x.referenceDate, -25 * 365.25) &&
      some(c, (e) => !e.closureDate),
  ),
  // episodes
  rule('8590', 'The child has no CINdetails', (c) => episodes(c).length === 0),
  rule('8600', 'Referral date is missing or after the reference date', (c, x) =>
    some(c, (e) => !e.referralDate || e.referralDate > x.referenceDate),
  ),
  rule('8606', 'Referral is more than 280 days before the date of birth', (c) => {
    const birth = c.dateOfBirth ?? c.expectedDateOfBirth
    return !!birth && some(c, (e) => e.referralDate < addCalendarDays(birth, -280))
  }),
  rule('8866', 'Referral source is missing or not valid', (c) =>
    some(c, (e) => !(REFERRAL_SOURCE_CODES as readonly string[]).includes(e.referralSource)),
  ),
  rule('8610', 'Primary need code is missing for a referral that is not NFA', (c) =>
    some(c, (e) => !e.referralNfa && !e.primaryNeed),
  ),
  rule('8650', 'Primary need code is not valid', (c) =>
    some(c, (e) => !!e.primaryNeed && !(PRIMARY_NEED_CODE_LIST as readonly string[]).includes(e.primaryNeed)),
  ),
  rule('8620', 'Closure date is outside the collection period', (c, x) => some(c, (e) => !inPeriod(e.closureDate, x))),
  rule('8630', 'Closure date is before the referral date', (c) =>
    some(c, (e) => !!e.closureDate && e.closureDate < e.referralDate),
  ),
  rule('8640', 'Reason for closure is not valid', (c) =>
    some(c, (e) => !!e.closureReason && !(CLOSURE_REASON_LIST as readonly string[]).includes(e.closureReason)),
  ),
  rule('8805', 'Closure date without a reason', (c) => some(c, (e) => !!e.closureDate && !e.closureReason)),
  rule('8810', 'Reason for closure without a closure date', (c) => some(c, (e) => !e.closureDate && !!e.closureReason)),
  rule('8815', 'More than one open episode that is not NFA', (c) => nonNfa(c).filter((e) => !e.closureDate).length > 1),
  rule('8816', 'An open episode is not the latest', (c) => {
    const open = nonNfa(c).filter((e) => !e.closureDate)
    return open.some((o) => c.episodes.some((e) => e !== o && e.referralDate > o.referralDate))
  }),
  rule('8820', 'Episodes overlap', (c) =>
    pairs(nonNfa(c)).some(([a, b]) =>
      overlap({ s: a.referralDate, e: a.closureDate }, { s: b.referralDate, e: b.closureDate }),
    ),
  ),
  rule('8565', 'Closure date is earlier than an assessment, S47, ICPC or CP plan end in the episode', (c) =>
    some(c, (e) => {
      if (!e.closureDate) return false
      const dates = [
        ...e.assessments.map((a) => a.authorisationDate ?? a.startDate),
        ...e.section47s.map((s) => s.icpcDate ?? s.startDate),
        ...e.cpPlans.map((p) => p.endDate ?? p.startDate),
      ]
      return dates.some((d) => d > e.closureDate!)
    }),
  ),
  rule('8831', 'An NFA referral has assessment data', (c) => some(c, (e) => e.referralNfa && e.assessments.length > 0)),
  rule('8832', 'An NFA referral has S47, ICPC or CP plan data', (c) =>
    some(c, (e) => e.referralNfa && e.section47s.length + e.cpPlans.length > 0),
  ),
  rule('4000', 'An NFA referral has CIN plan data', (c) => some(c, (e) => e.referralNfa && e.cinPlans.length > 0)),
  rule('8569Q', 'A referral more than 1 working day before the period start is flagged NFA', (c, x) =>
    some(c, (e) => e.referralNfa && workingDaysBetween(e.referralDate, x.periodStart, x.holidays) > 1),
  ),
  rule('2991Q', 'An S47 is recorded with no assessment in the episode', (c) =>
    some(c, (e) => e.section47s.length > 0 && e.assessments.length === 0),
  ),
  // of compulsory school age on the reference date (31 March), not "aged 5 to 15"
  rule('8770Q', 'A school-age child who is not only NFA has no UPN, and no reason other than UN1', (c, x) => {
    if (!c.dateOfBirth || c.upn || nonNfa(c).length === 0) return false
    return ofCompulsorySchoolAge(c.dateOfBirth, x.referenceDate) && (!c.upnUnknown || c.upnUnknown === 'UN1')
  }),
  rule('2990', 'Closed after assessment (RC8 or RC9) but the episode has S47, CP plan, ICPC or CIN plan data', (c) =>
    some(
      c,
      (e) =>
        ['RC8', 'RC9'].includes(e.closureReason ?? '') &&
        e.section47s.length + e.cpPlans.length + e.cinPlans.length > 0,
    ),
  ),
  rule('8825Q', 'Closed after assessment (RC8 or RC9) but the episode has no assessment', (c) =>
    some(c, (e) => ['RC8', 'RC9'].includes(e.closureReason ?? '') && e.assessments.length === 0),
  ),
  rule('1103', 'An assessment, S47, CP plan or CIN plan starts before the referral date', (c) =>
    some(c, (e) => stepStarts(e).some((d) => d < e.referralDate)),
  ),
  // assessments
  rule('8608', 'Assessment starts after its authorisation date', (c) =>
    some(c, (e) => e.assessments.some((a) => !!a.authorisationDate && a.startDate > a.authorisationDate)),
  ),
  rule('8614', 'Assessment factors are given but the assessment is not completed', (c) =>
    some(c, (e) => e.assessments.some((a) => !a.authorisationDate && a.factors.length > 0)),
  ),
  rule('8897Q', 'A completed assessment has no valid factors', (c, x) =>
    some(c, (e) =>
      e.assessments.some((a) => inPeriod(a.authorisationDate, x) && !!a.authorisationDate && a.factors.length === 0),
    ),
  ),
  rule('8898', 'An assessment factor is repeated', (c) =>
    some(c, (e) => e.assessments.some((a) => new Set(a.factors).size !== a.factors.length)),
  ),
  rule('8869', 'Factor 21 (no factors identified) is used with other factors', (c) =>
    some(c, (e) => e.assessments.some((a) => a.factors.includes('21') && a.factors.length > 1)),
  ),
  // the episode's one assessment found nothing, yet it closed other than "after assessment"
  rule('8873Q', 'The one assessment found no factors (21), but the episode closed other than RC8 or RC9', (c) =>
    some(
      c,
      (e) =>
        !!e.closureReason &&
        !['RC8', 'RC9'].includes(e.closureReason) &&
        e.assessments.length === 1 &&
        e.assessments[0]!.factors.length === 1 &&
        e.assessments[0]!.factors[0] === '21',
    ),
  ),
  rule('8899', 'An assessment factor is not a valid code', (c) =>
    some(c, (e) =>
      e.assessments.some((a) =>
        a.factors.some(
          (f) => !(ASSESSMENT_FACTOR_LIST as readonly string[]).includes(f) && !['18A', '19A'].includes(f),
        ),
      ),
    ),
  ),
  rule('8945Q', 'Factor 18A is used: use 18B or 18C instead', (c) =>
    some(c, (e) => e.assessments.some((a) => a.factors.includes('18A'))),
  ),
  rule('8950Q', 'Factor 19A is used: use 19B or 19C instead', (c) =>
    some(c, (e) => e.assessments.some((a) => a.factors.includes('19A'))),
  ),
  rule('8896', 'More than one open assessment in an episode', (c) =>
    some(c, (e) => e.assessments.filter((a) => !a.authorisationDate).length > 1),
  ),
  rule('8736', 'An open assessment must start in the collection period', (c, x) =>
    some(c, (e) => e.assessments.some((a) => !a.authorisationDate && a.startDate < x.periodStart)),
  ),
  rule('8696', 'The assessment’s authorisation date must fall in the collection period', (c, x) =>
    some(c, (e) => e.assessments.some((a) => !!a.authorisationDate && !inPeriod(a.authorisationDate, x))),
  ),
  rule('8670Q', 'An assessment is still open and started more than 45 working days before the reference date', (c, x) =>
    some(c, (e) =>
      e.assessments.some(
        (a) => !a.authorisationDate && workingDaysBetween(a.startDate, x.referenceDate, x.holidays) > 45,
      ),
    ),
  ),
  rule('8867', 'The episode is closed but an assessment has no authorisation date', (c) =>
    some(c, (e) => !!e.closureDate && e.assessments.some((a) => !a.authorisationDate)),
  ),
  // section 47 and the ICPC
  rule('8615', 'S47 start is after its ICPC', (c) =>
    some(c, (e) => e.section47s.some((s) => !!s.icpcDate && s.startDate > s.icpcDate)),
  ),
  rule('8839', 'More than one open S47 (no ICPC, not flagged not required) in an episode', (c) =>
    some(c, (e) => e.section47s.filter((s) => !s.icpcDate && !s.icpcNotRequired).length > 1),
  ),
  rule('8740', 'An open S47 must start in the collection period', (c, x) =>
    some(c, (e) => e.section47s.some((s) => !s.icpcDate && !s.icpcNotRequired && s.startDate < x.periodStart)),
  ),
  rule('8715', 'The ICPC date must fall in the collection period', (c, x) =>
    some(c, (e) => e.section47s.some((s) => !inPeriod(s.icpcDate, x))),
  ),
  rule('8675Q', 'An S47 with no ICPC started more than 15 working days before the reference date', (c, x) =>
    some(c, (e) =>
      e.section47s.some(
        (s) => !s.icpcDate && !s.icpcNotRequired && workingDaysBetween(s.startDate, x.referenceDate, x.holidays) > 15,
      ),
    ),
  ),
  rule('8870Q', 'The ICPC target date is at a weekend', (c, x) =>
    some(c, (e) => e.section47s.some((s) => !isWorkingDay(s.icpcTarget, new Set()) && !x.holidays.has(s.icpcTarget))),
  ),
  rule('8875', 'The ICPC date is at a weekend', (c) =>
    some(c, (e) => e.section47s.some((s) => !!s.icpcDate && !isWorkingDay(s.icpcDate, new Set()))),
  ),
  rule('8868', 'The episode is closed but an S47 has neither an ICPC date nor ICPC not required', (c) =>
    some(c, (e) => !!e.closureDate && e.section47s.some((s) => !s.icpcDate && !s.icpcNotRequired)),
  ),
  rule('2885', 'A CP plan starting in the period does not start on the date of an ICPC', (c, x) =>
    some(c, (e) =>
      e.cpPlans.some((p) => inPeriod(p.startDate, x) && !e.section47s.some((s) => s.icpcDate === p.startDate)),
    ),
  ),
  // child protection plans
  rule('8720', 'CP plan start is after the reference date', (c, x) =>
    some(c, (e) => e.cpPlans.some((p) => p.startDate > x.referenceDate)),
  ),
  rule('8930', 'CP plan end is outside the collection period', (c, x) =>
    some(c, (e) => e.cpPlans.some((p) => !inPeriod(p.endDate, x))),
  ),
  rule('8925', 'CP plan ends before it starts', (c) =>
    some(c, (e) => e.cpPlans.some((p) => !!p.endDate && p.endDate < p.startDate)),
  ),
  rule('8840', 'CP plan starts and ends on the same day', (c) =>
    some(c, (e) => e.cpPlans.some((p) => p.endDate === p.startDate)),
  ),
  rule(
    '8935',
    'More than one open CP plan',
    (c) => c.episodes.flatMap((e) => e.cpPlans).filter((p) => !p.endDate).length > 1,
  ),
  rule('8940', 'CP plans overlap', (c) =>
    pairs(c.episodes.flatMap((e) => e.cpPlans)).some(([a, b]) =>
      overlap({ s: a.startDate, e: a.endDate }, { s: b.startDate, e: b.endDate }),
    ),
  ),
  rule(
    '8915',
    'CP plan starts after the child’s death',
    (c) => !!c.dateOfDeath && some(c, (e) => e.cpPlans.some((p) => p.startDate > c.dateOfDeath!)),
  ),
  rule(
    '8920',
    'CP plan ends after the child’s death',
    (c) => !!c.dateOfDeath && some(c, (e) => e.cpPlans.some((p) => (p.endDate ?? END) > c.dateOfDeath!)),
  ),
  rule('8905', 'Initial category of abuse is missing or not valid', (c) =>
    some(c, (e) => e.cpPlans.some((p) => !(ABUSE_CATEGORY_LIST as readonly string[]).includes(p.initialCategory))),
  ),
  rule('8910', 'Latest category of abuse is missing or not valid', (c) =>
    some(c, (e) => e.cpPlans.some((p) => !(ABUSE_CATEGORY_LIST as readonly string[]).includes(p.latestCategory))),
  ),
  rule('8730', 'Number of previous CP plans is missing', (c) =>
    some(c, (e) => e.cpPlans.some((p) => !(p.previousPlans >= 0))),
  ),
  rule('8841', 'A CP review date is on or before the plan’s start', (c) =>
    some(c, (e) => e.cpPlans.some((p) => p.reviewDates.some((r) => r <= p.startDate))),
  ),
  // child in need plans
  rule('4001', 'A CIN plan is open at the same time as a CP plan', (c) =>
    some(c, (e) =>
      e.cinPlans.some((n) =>
        e.cpPlans.some((p) => n.startDate < (p.endDate ?? END) && p.startDate < (n.endDate ?? END)),
      ),
    ),
  ),
  rule(
    '4004',
    'More than one open CIN plan',
    (c) => c.episodes.flatMap((e) => e.cinPlans).filter((p) => !p.endDate).length > 1,
  ),
  rule('4014', 'CIN plans overlap', (c) =>
    pairs(c.episodes.flatMap((e) => e.cinPlans)).some(([a, b]) =>
      overlap({ s: a.startDate, e: a.endDate }, { s: b.startDate, e: b.endDate }),
    ),
  ),
  rule('4010', 'CIN plan start is after the reference date', (c, x) =>
    some(c, (e) => e.cinPlans.some((p) => p.startDate > x.referenceDate)),
  ),
  rule('4011', 'CIN plan ends before it starts', (c) =>
    some(c, (e) => e.cinPlans.some((p) => !!p.endDate && p.endDate < p.startDate)),
  ),
  rule('4013', 'CIN plan end is outside the collection period', (c, x) =>
    some(c, (e) => e.cinPlans.some((p) => !inPeriod(p.endDate, x))),
  ),
  rule('4012Q', 'CIN plan starts and ends on the same day', (c) =>
    some(c, (e) => e.cinPlans.some((p) => p.endDate === p.startDate)),
  ),
  rule(
    '4008',
    'CIN plan starts after the child’s death',
    (c) => !!c.dateOfDeath && some(c, (e) => e.cinPlans.some((p) => p.startDate > c.dateOfDeath!)),
  ),
  rule(
    '4009Q',
    'CIN plan ends after the child’s death',
    (c) => !!c.dateOfDeath && some(c, (e) => e.cinPlans.some((p) => (p.endDate ?? END) > c.dateOfDeath!)),
  ),
  // module 5: pre-proceedings and family group decision-making (2026–27)
  rule('9005', 'PPStartDate is not within the collection year', (c, x) =>
    some(c, (e) => e.preProceedings.some((p) => p.startDate > x.referenceDate)),
  ),
  rule('9006', 'LBPSentDate is not within the year or is before PPStartDate', (c, x) =>
    some(c, (e) =>
      e.preProceedings.some((p) => !!p.lbpSentDate && (!inPeriod(p.lbpSentDate, x) || p.lbpSentDate < p.startDate)),
    ),
  ),
  rule('9007', 'A letter before proceedings was sent but FGDMMeetingOffer is not given', (c) =>
    some(c, (e) => e.preProceedings.some((p) => !!p.lbpSentDate && p.fgdmOffered === null)),
  ),
  rule('9008', 'InitialPPMeetingDate is not within the collection year', (c, x) =>
    some(c, (e) => e.preProceedings.some((p) => !inPeriod(p.initialMeetingDate, x))),
  ),
  rule('9009', 'StepDecisionDate is before PPStartDate or not within the year', (c, x) =>
    some(c, (e) =>
      e.preProceedings.some(
        (p) => !!p.stepDecisionDate && (p.stepDecisionDate < p.startDate || !inPeriod(p.stepDecisionDate, x)),
      ),
    ),
  ),
  rule('9010Q', 'FGDM was offered: say whether the meeting was facilitated', (c) =>
    some(c, (e) => e.preProceedings.some((p) => p.fgdmOffered === true && p.fgdmFacilitated === null)),
  ),
  rule('9011', 'PPOutcome is not a valid value', (c) =>
    some(c, (e) =>
      e.preProceedings.some((p) => !!p.outcome && !(PP_OUTCOME_LIST as readonly string[]).includes(p.outcome)),
    ),
  ),
  rule('9012', 'CourtAppDate is not within the year or is before the decision to start proceedings', (c, x) =>
    some(c, (e) =>
      e.preProceedings.some(
        (p) =>
          !!p.courtApplicationDate &&
          (!inPeriod(p.courtApplicationDate, x) || !p.stepDecisionDate || p.courtApplicationDate < p.stepDecisionDate),
      ),
    ),
  ),
  rule('9013', 'LetterInitCPDate is not within the year or is before CourtAppDate', (c, x) =>
    some(c, (e) =>
      e.preProceedings.some(
        (p) =>
          !!p.letterInitiatingDate &&
          (!inPeriod(p.letterInitiatingDate, x) ||
            !p.courtApplicationDate ||
            p.letterInitiatingDate < p.courtApplicationDate),
      ),
    ),
  ),
]

const nonEmpty = <T>(xs: T[]) => (xs.length ? xs : null)
const born = (cs: CensusChild[]) => cs.filter((c) => !!c.dateOfBirth)

export const COUNCIL_RULES: CouncilRule[] = [
  {
    code: '100',
    severity: 'error',
    message: 'ReferenceDate is not 31 March of the collection year',
    failing: (_cs, x) => (x.referenceDate === `${x.collectionYear}-03-31` ? null : []),
  },
  {
    code: '2883',
    severity: 'error',
    message: 'More child protection plans start in the period than initial conferences are held',
    failing: (cs, x) => {
      const inP = (d: string | null) => !!d && d >= x.periodStart && d <= x.referenceDate
      const plans = cs.flatMap((c) => c.episodes.flatMap((e) => e.cpPlans)).filter((p) => inP(p.startDate)).length
      const icpcs = cs.flatMap((c) => c.episodes.flatMap((e) => e.section47s)).filter((s) => inP(s.icpcDate)).length
      return plans > icpcs ? [] : null
    },
  },
  {
    code: '2886Q',
    severity: 'query',
    message: 'More than 2% of children (not unborn) have no sex recorded (U)',
    failing: (cs) => {
      const b = born(cs)
      const u = b.filter((c) => c.sex === 'U')
      return b.length && u.length / b.length > 0.02 ? u : null
    },
  },
  {
    code: '2887Q',
    severity: 'query',
    message: 'Fewer than 8 distinct disability codes are used across the return',
    failing: (cs) => (new Set(cs.flatMap((c) => c.disabilities.filter((d) => d !== 'NONE'))).size < 8 ? [] : null),
  },
  {
    code: '2888Q',
    severity: 'query',
    message: 'No child has more than one disability',
    failing: (cs) => (cs.some((c) => c.disabilities.filter((d) => d !== 'NONE').length > 1) ? null : []),
  },
  {
    code: '8510',
    severity: 'error',
    message: 'Two children share an LAchildID',
    failing: (cs) => nonEmpty(cs.filter((c) => cs.some((o) => o !== c && o.laChildId === c.laChildId))),
  },
  {
    code: '1520',
    severity: 'error',
    message: 'Two children share a UPN',
    failing: (cs) => nonEmpty(cs.filter((c) => !!c.upn && cs.some((o) => o !== c && o.upn === c.upn))),
  },
  {
    code: '8995Q',
    severity: 'query',
    message: 'No child has pre-proceedings (module 5) data',
    failing: (cs) => (cs.some((c) => c.episodes.some((e) => e.preProceedings.length)) ? null : []),
  },
]

export interface Finding {
  code: string
  severity: Severity
  message: string
  children: { childId: string; familyId: string; laChildId: string }[]
}

/** Every rule of the year over the return (all when none are named): the rules that fail, each with the children it names. */
export function checkCensus(children: CensusChild[], x: RuleContext, only?: readonly string[]): Finding[] {
  const out: Finding[] = []
  const who = (c: CensusChild) => ({ childId: c.childId, familyId: c.familyId, laChildId: c.laChildId })
  const applies = (code: string) => !only || only.includes(code)
  for (const r of CHILD_RULES.filter((r) => applies(r.code))) {
    const failing = children.filter((c) => r.fails(c, x))
    if (failing.length) out.push({ code: r.code, severity: r.severity, message: r.message, children: failing.map(who) })
  }
  for (const r of COUNCIL_RULES.filter((r) => applies(r.code))) {
    const failing = r.failing(children, x)
    if (failing) out.push({ code: r.code, severity: r.severity, message: r.message, children: failing.map(who) })
  }
  return out.sort((a, b) =>
    a.severity === b.severity ? a.code.localeCompare(b.code) : a.severity === 'error' ? -1 : 1,
  )
}
