import {
  addCalendarDays,
  addWorkingDays,
  type HolidaySet,
  isWorkingDay,
  nextWorkingDay,
  startOfLondonDay,
} from './working-days'

/**
 * The statutory and local clocks of the case process (timescales.md): what starts each, how long
 * it runs and in what unit, and where the figure comes from. A clock's due date is worked out from
 * its start date, so correcting a date moves the clock at once. Local clocks have a default
 * length that a council may change.
 */
export type ClockUnit = 'working_days' | 'calendar_days' | 'months'
export type ClockForce = 'law' | 'statutory_guidance' | 'local'
/**
 * Who the sweep tells when a clock is due soon or overdue: the teams working with the family,
 * the front door (the referral team), or the council's information governance officers.
 */
export type ClockAudience = 'family_teams' | 'referral_team' | 'records'

export interface ClockDefinition {
  label: string
  /** What starts it, in words. */
  startsAt: string
  length: number
  unit: ClockUnit
  force: ClockForce
  source: string
  /**
   * What the clock runs on: a child's case steps and assessments (worked out again whenever they
   * change), or one record of its own, a referral, a complaint or a subject access request,
   * started when it arrives and stopped when it is answered. Steps when absent.
   */
  runsOn?: 'steps' | 'record'
  /** A due date that falls on a weekend or bank holiday moves to the next working day. */
  toWorkingDay?: boolean
  /** Working days before the due date it counts as due soon, where not the council's own warning. */
  warningWorkingDays?: number
  /** Who is told; the teams working with the family when absent. */
  tells?: ClockAudience
}

/**
 * The version of how due dates are worked out. Raise it when a rule changes, so every council's
 * stored clocks are worked out again by the next sweep. 2: a working-day clock that starts on a
 * weekend or bank holiday counts from the day after it, not from the next working day (#34).
 * 3: the care plan, health assessment, personal education plan and return home interview clocks.
 */
export const CLOCK_RULES_VERSION = 3

export const CLOCKS = {
  referral_decision: {
    label: 'Decide what happens with a referral',
    startsAt: 'the referral is received',
    length: 1,
    unit: 'working_days',
    force: 'statutory_guidance',
    source: 'Working Together to Safeguard Children 2023, chapter 3 (referral)',
    runsOn: 'record',
    tells: 'referral_team',
  },
  assessment: {
    label: 'Finish the child and family assessment',
    startsAt: 'the referral date',
    length: 45,
    unit: 'working_days',
    force: 'statutory_guidance',
    source: 'Working Together to Safeguard Children 2023, chapter 3 (assessment)',
  },
  icpc: {
    label: 'Hold the initial child protection conference',
    startsAt: 'the strategy discussion at which section 47 enquiries began',
    length: 15,
    unit: 'working_days',
    force: 'statutory_guidance',
    source: 'Working Together to Safeguard Children 2023, chapter 3 (initial child protection conference)',
  },
  first_core_group: {
    label: 'Hold the first core group meeting',
    startsAt: 'the initial child protection conference',
    length: 10,
    unit: 'working_days',
    force: 'statutory_guidance',
    source: 'Working Together to Safeguard Children 2023, chapter 3 (child protection plan)',
  },
  first_rcpc: {
    label: 'Hold the first review child protection conference',
    startsAt: 'the initial child protection conference',
    length: 3,
    unit: 'months',
    force: 'statutory_guidance',
    source: 'Working Together to Safeguard Children 2023, chapter 3 (review conference)',
  },
  later_rcpc: {
    label: 'Hold the next review child protection conference',
    startsAt: 'the last review conference',
    length: 6,
    unit: 'months',
    force: 'statutory_guidance',
    source: 'Working Together to Safeguard Children 2023, chapter 3 (review conference)',
  },
  cp_visit: {
    label: 'Visit the child on a child protection plan',
    startsAt: 'the plan starting, then each visit',
    length: 10,
    unit: 'working_days',
    force: 'local',
    source: 'Local: no frequency in law or in Working Together; the plan sets it',
  },
  later_core_group: {
    label: 'Hold the next core group meeting',
    startsAt: 'the last core group meeting',
    length: 42,
    unit: 'calendar_days',
    force: 'local',
    source: 'Local: core groups commonly meet every 4 to 6 weeks',
  },
  cin_visit: {
    label: 'Visit the child on a child in need plan',
    startsAt: 'the plan starting, then each visit',
    length: 20,
    unit: 'working_days',
    force: 'local',
    source: 'Local: no national figure for child in need plans',
  },
  cin_review: {
    label: 'Review the child in need plan',
    startsAt: 'the plan starting, then each review',
    length: 3,
    unit: 'months',
    force: 'local',
    source: 'Local: no national figure for child in need plans',
  },
  care_plan: {
    label: 'Prepare the care plan',
    startsAt: 'the first placement',
    length: 10,
    unit: 'working_days',
    force: 'law',
    source: 'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 4(2)',
  },
  first_lac_visit: {
    label: 'Visit the child in their new placement',
    startsAt: 'each placement starting',
    length: 7,
    unit: 'calendar_days',
    force: 'law',
    source: 'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 28(2)',
  },
  lac_visit: {
    label: 'Visit the looked-after child again',
    startsAt: 'the last visit in the placement',
    length: 42,
    unit: 'calendar_days',
    force: 'law',
    source:
      'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 28(2): at most every 6 weeks in a placement’s first year',
  },
  lac_visit_long_term: {
    label: 'Visit the looked-after child again',
    startsAt: 'the last visit, after the placement’s first year, when it is meant to last until 18',
    length: 3,
    unit: 'months',
    force: 'law',
    source:
      'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 28(2): at most every 3 months after the first year of a placement meant to last until 18',
  },
  first_lac_review: {
    label: 'Hold the first looked-after review',
    startsAt: 'the child becoming looked after',
    length: 20,
    unit: 'working_days',
    force: 'law',
    source: 'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33(1)',
  },
  second_lac_review: {
    label: 'Hold the second looked-after review',
    startsAt: 'the first review',
    length: 3,
    unit: 'months',
    force: 'law',
    source: 'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33(2)',
  },
  later_lac_review: {
    label: 'Hold the next looked-after review',
    startsAt: 'the last review',
    length: 6,
    unit: 'months',
    force: 'law',
    source: 'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 33(2)',
  },
  initial_health_assessment: {
    label: 'Hold the initial health assessment',
    startsAt: 'the child becoming looked after',
    length: 20,
    unit: 'working_days',
    force: 'statutory_guidance',
    source:
      'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 7(1), and Promoting the health and well-being of looked-after children (2015): in time for the first review, within 20 working days',
  },
  health_review_under_five: {
    label: 'Hold the review health assessment',
    startsAt: 'the last health assessment, while the child is under 5',
    length: 6,
    unit: 'months',
    force: 'law',
    source:
      'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 7(2): at least every six months before the fifth birthday',
  },
  health_review: {
    label: 'Hold the review health assessment',
    startsAt: 'the last health assessment, from the fifth birthday',
    length: 12,
    unit: 'months',
    force: 'law',
    source:
      'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 7(2): at least every twelve months from the fifth birthday',
  },
  pep: {
    label: 'Put the personal education plan in place',
    startsAt: 'a child of school age becoming looked after',
    length: 20,
    unit: 'working_days',
    force: 'statutory_guidance',
    source:
      'Promoting the education of looked-after children and previously looked-after children (2018): within 20 school days of entering care (counted here in working days)',
  },
  pep_review: {
    label: 'Review the personal education plan',
    startsAt: 'the last plan or review',
    length: 4,
    unit: 'months',
    force: 'local',
    source:
      'Promoting the education of looked-after children and previously looked-after children (2018): reviewed each school term (the council sets the length to fit its terms)',
  },
  return_home_interview: {
    label: 'Offer the return home interview',
    startsAt: 'the child coming back from being missing',
    length: 3,
    unit: 'calendar_days',
    force: 'statutory_guidance',
    source: 'Children who run away or go missing from home or care (2014): within 72 hours of the child returning',
  },
  pp_review: {
    label: 'Hold the next pre-proceedings review meeting',
    startsAt: 'the initial pre-proceedings meeting, then each review',
    length: 42,
    unit: 'calendar_days',
    force: 'local',
    source: 'Local: the pre-proceedings review under the Public Law Outline, commonly at 6 weeks',
  },
  complaint_stage_1: {
    label: 'Answer the complaint (stage 1)',
    startsAt: 'the complaint being received',
    length: 10,
    unit: 'working_days',
    force: 'law',
    source: 'Children Act 1989 Representations Procedure (England) Regulations 2006, regulation 14',
    runsOn: 'record',
  },
  complaint_panel: {
    label: 'Hold the complaint review panel (stage 3)',
    startsAt: 'the request for a review panel',
    length: 30,
    unit: 'working_days',
    force: 'law',
    source: 'Children Act 1989 Representations Procedure (England) Regulations 2006, regulation 19(4)',
    runsOn: 'record',
  },
  subject_access: {
    label: 'Send the copy of the record asked for (subject access)',
    startsAt: 'the request being received',
    length: 1,
    unit: 'months',
    force: 'law',
    source: 'UK GDPR article 12(3) and the ICO’s guidance: the corresponding day of the next month',
    runsOn: 'record',
    toWorkingDay: true,
    warningWorkingDays: 5,
    tells: 'records',
  },
} as const satisfies Record<string, ClockDefinition>
export type ClockId = keyof typeof CLOCKS
export const CLOCK_IDS = Object.keys(CLOCKS) as ClockId[]
const defOf = (id: ClockId): ClockDefinition => CLOCKS[id]
/** The clocks that run on a record of their own (a referral, a complaint, a request). */
export type RecordClockId = {
  [K in ClockId]: (typeof CLOCKS)[K] extends { runsOn: 'record' } ? K : never
}[ClockId]
export const RECORD_CLOCK_IDS = CLOCK_IDS.filter((id) => defOf(id).runsOn === 'record') as RecordClockId[]
export const clockAudience = (id: ClockId): ClockAudience => defOf(id).tells ?? 'family_teams'
/** The clock's own warning in working days, or the council's. */
export const clockWarningDays = (id: ClockId, councilWarning: number): number =>
  defOf(id).warningWorkingDays ?? councilWarning

/**
 * A calendar-month clock: the same day of the month `months` later, or the month's last day when
 * it has no such day (30 November + 3 months is 28 February).
 */
export function addCalendarMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d, lastDay))
  return target.toISOString().slice(0, 10)
}

/**
 * The date a clock falls due, from the date of its start event. A council's own length replaces
 * a local clock's default (never a statutory one's).
 */
export function clockDueDate(
  id: ClockId,
  startIso: string,
  holidays: HolidaySet,
  localLengths: Partial<Record<ClockId, number>> = {},
): string {
  const c = defOf(id)
  const length = c.force === 'local' ? (localLengths[id] ?? c.length) : c.length
  const due =
    c.unit === 'working_days'
      ? addWorkingDays(startIso, length, holidays)
      : c.unit === 'calendar_days'
        ? addCalendarDays(startIso, length)
        : addCalendarMonths(startIso, length)
  return c.toWorkingDay && !isWorkingDay(due, holidays) ? nextWorkingDay(due, holidays) : due
}

/** The moment a clock is late: the start of the day after its due date, London time. */
export const clockLateAt = (dueOn: string): Date => startOfLondonDay(addCalendarDays(dueOn, 1))

/**
 * Clocks shown in full wherever due clocks are listed, however far off: an initial child
 * protection conference is never folded under "coming up later".
 */
export const NEVER_FOLDED: ReadonlySet<string> = new Set(['icpc'])
