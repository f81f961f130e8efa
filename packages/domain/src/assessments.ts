import { clockDueDate } from './clocks'
import { clockState, type HolidaySet, startOfLondonDay, addCalendarDays } from './working-days'

/**
 * The child and family assessment (WT2023 ch.3): it must be finished within 45 working days of the
 * referral. The factors identified at its end are the census codes (cin-census.md, N00181).
 */
export const ASSESSMENT_FACTORS = {
  '1A': 'Alcohol misuse: the child',
  '1B': 'Alcohol misuse: a parent or carer',
  '1C': 'Alcohol misuse: someone else in the household',
  '2A': 'Drug misuse: the child',
  '2B': 'Drug misuse: a parent or carer',
  '2C': 'Drug misuse: someone else in the household',
  '3A': 'Domestic abuse: the child',
  '3B': 'Domestic abuse: a parent or carer',
  '3C': 'Domestic abuse: someone else in the household',
  '4A': 'Mental health: the child',
  '4B': 'Mental health: a parent or carer',
  '4C': 'Mental health: someone else in the household',
  '5A': 'Learning disability: the child',
  '5B': 'Learning disability: a parent or carer',
  '5C': 'Learning disability: someone else in the household',
  '6A': 'Physical disability or illness: the child',
  '6B': 'Physical disability or illness: a parent or carer',
  '6C': 'Physical disability or illness: someone else in the household',
  '7A': 'Young carer',
  '8B': 'Privately fostered: overseas child intending to return',
  '8C': 'Privately fostered: overseas child intending to stay',
  '8D': 'Privately fostered: UK child in an educational placement',
  '8E': 'Privately fostered: UK child, alternative family arrangement',
  '8F': 'Privately fostered: other',
  '9A': 'Unaccompanied asylum-seeking child',
  '10A': 'Going or being missing',
  '11A': 'Child sexual exploitation',
  '12A': 'Trafficking',
  '13A': 'Gangs',
  '14A': 'Socially unacceptable behaviour',
  '15A': 'Self-harm',
  '16A': 'Neglect',
  '17A': 'Emotional abuse',
  '18B': 'Physical abuse by another child',
  '18C': 'Physical abuse by an adult',
  '19B': 'Sexual abuse by another child',
  '19C': 'Sexual abuse by an adult',
  '20': 'Other',
  '21': 'No factors identified',
  '22A': 'Female genital mutilation',
  '23A': 'Abuse linked to faith or belief',
  '24A': 'Child criminal exploitation',
} as const
export type AssessmentFactor = keyof typeof ASSESSMENT_FACTORS
export const ASSESSMENT_FACTOR_LIST = Object.keys(ASSESSMENT_FACTORS) as AssessmentFactor[]

export interface AssessmentFacts {
  referralDate: string
  startedOn: string
  authorisedOn: string | null
  factors: readonly string[]
}

/**
 * What is wrong with an assessment's dates and factors, each named by field and in words, with
 * the census rule it would break: refused at the source rather than reported at year end.
 */
export function assessmentProblems(a: AssessmentFacts, today: string): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = []
  if (a.startedOn < a.referralDate)
    out.push({ field: 'body.startedOn', message: 'the assessment cannot start before the referral (census rule 1103)' })
  if (a.startedOn > today) out.push({ field: 'body.startedOn', message: 'the start cannot be in the future' })
  if (a.authorisedOn) {
    if (a.authorisedOn < a.startedOn)
      out.push({ field: 'body.authorisedOn', message: 'it cannot be finished before it started (census rule 8608)' })
    if (a.authorisedOn > today) out.push({ field: 'body.authorisedOn', message: 'the date cannot be in the future' })
    if (a.factors.length === 0)
      out.push({
        field: 'body.factors',
        message: 'choose the factors identified, or “No factors identified” (census rule 8897Q)',
      })
  } else if (a.factors.length)
    out.push({
      field: 'body.factors',
      message: 'factors are recorded when the assessment is finished (census rule 8614)',
    })
  if (a.factors.includes('21') && a.factors.length > 1)
    out.push({ field: 'body.factors', message: '“No factors identified” goes alone (census rule 8869)' })
  return out
}

export type AssessmentState = 'on_track' | 'due_soon' | 'overdue' | 'finished'

/** Where an assessment stands: finished, or on its 45-working-day clock from the referral. */
export function assessmentClock(
  a: Pick<AssessmentFacts, 'referralDate' | 'authorisedOn'>,
  now: Date,
  holidays: HolidaySet,
): { dueDate: string; state: AssessmentState } {
  const dueDate = clockDueDate('assessment', a.referralDate, holidays)
  if (a.authorisedOn) return { dueDate, state: 'finished' }
  return { dueDate, state: clockState(now, dueDate, startOfLondonDay(addCalendarDays(dueDate, 1)), holidays) }
}
