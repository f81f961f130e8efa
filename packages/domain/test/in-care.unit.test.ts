import { describe, expect, it } from 'vitest'
import { type CaseStep, childClocks, type StepKind, stepProblems } from '../src/case-steps'
import { inCare } from '../src/in-care'
import { holidaySet } from '../src/working-days'

/**
 * #34, children in care: the care plan, health, education and missing steps, their order rules
 * (refused naming the field) and their clocks, each worked by hand from a weekend, Christmas,
 * Easter or August bank holiday start, the source in the test's name; and the "In care" page's
 * summary worked out from the steps.
 */
const hol = holidaySet()
const today = '2027-06-30'
let n = 0
function step<K extends StepKind>(kind: K, on: string, details: CaseStep<K>['details'], endOn: string | null = null) {
  return { id: `s${++n}`, kind, on, endOn, details } as CaseStep<K>
}
const episode = (on = '2026-01-05') =>
  step('episode', on, { referralSource: '2A', primaryNeed: 'N1', closureReason: null })
const la = (on: string, endOn: string | null = null) =>
  step('looked_after', on, { legalStatus: 'C1', careLeaver: false }, endOn)
const placement = (on: string, endOn: string | null = null) =>
  step('placement', on, { type: 'U6', provider: 'PR1', inArea: false, untilEighteen: false }, endOn)
const health = (on: string, type: 'initial' | 'review' = 'initial') => step('health_assessment', on, { type })
const pep = (on: string, type: 'initial' | 'review' = 'initial') => step('pep', on, { type })
const missing = (
  on: string,
  endOn: string | null,
  returnInterview: 'held' | 'declined' | null = null,
  returnInterviewOn: string | null = null,
) => step('missing_episode', on, { kind: 'missing', returnInterview, returnInterviewOn }, endOn)
const clocks = (steps: CaseStep[], dateOfBirth?: string) =>
  Object.fromEntries(childClocks(steps, [], hol, {}, { dateOfBirth }).map((c) => [c.clock, c.dueOn]))
const fields = (p: { field: string }[]) => p.map((x) => x.field)

describe('the clocks of a child in care, worked by hand', () => {
  it('initial health assessment in 20 WD — CPPCR 2010 reg 7(1), 2015 guidance: looked after on Christmas Day', () => {
    // Fri 25 Dec 2026: 28 Dec is the Boxing Day holiday, 29(1) 30(2) 31(3), 1 Jan holiday,
    // 4(4) … 8(8), 11(9) … 15(13), 18(14) … 22(18), 25(19) 26(20)
    const c = clocks([episode('2026-12-01'), la('2026-12-25')])
    expect(c.initial_health_assessment).toBe('2027-01-26')
    expect(c.first_lac_review).toBe('2027-01-26') // the same count, the first review (reg 33(1))
  })

  it('initial health assessment — the August bank holiday: looked after Sunday 30 August 2026', () => {
    // 31 Aug holiday; 1(1) 2 3 4(4), 7–11(9), 14–18(14), 21–25(19), 28 Sep(20)
    expect(clocks([episode('2026-08-01'), la('2026-08-30')]).initial_health_assessment).toBe('2026-09-28')
  })

  it('health reviews every 6 months under 5, every 12 from 5 — CPPCR 2010 reg 7(2)', () => {
    const steps = [episode(), la('2026-02-02'), health('2026-08-31')]
    // born 1 March 2022: 4 on the last assessment → 6 months; a month without the 31st ends on its last day
    expect(clocks(steps, '2022-03-01')).toMatchObject({ health_review_under_five: '2027-02-28' })
    // born 31 August 2021: 5 on the day of the last assessment → 12 months
    expect(clocks(steps, '2021-08-31')).toMatchObject({ health_review: '2027-08-31' })
    expect(clocks(steps).health_review_under_five).toBe('2027-02-28') // age not known: the shorter
    const reviewed = [...steps, health('2027-02-01', 'review')]
    expect(clocks(reviewed, '2022-03-01')).toMatchObject({ health_review_under_five: '2027-08-01' })
  })

  it('personal education plan in 20 school days — 2018 guidance: looked after on Good Friday 2026', () => {
    // Fri 3 Apr 2026, Easter Monday 6 Apr: 7(1) … 10(4), 13–17(9), 20–24(14), 27–30 Apr(18),
    // 1 May(19), 4 May early May bank holiday, 5 May(20)
    const steps = [episode(), la('2026-04-03')]
    expect(clocks(steps, '2015-06-01').pep).toBe('2026-05-05') // 10, of compulsory school age
    expect(clocks(steps, '2023-06-01').pep).toBeUndefined() // 2: not of school age, no duty
    // then reviewed each term (local, 4 months by default)
    expect(clocks([...steps, pep('2026-04-28')], '2015-06-01')).toMatchObject({ pep_review: '2026-08-28' })
  })

  it('return home interview within 72 hours — 2014 guidance: back on a Saturday, and on 23 December', () => {
    const base = [episode(), la('2026-02-02')]
    expect(clocks([...base, missing('2026-12-17', '2026-12-19')]).return_home_interview).toBe('2026-12-22')
    // calendar days: Christmas Day counts like any other
    expect(clocks([...base, missing('2026-12-22', '2026-12-23')]).return_home_interview).toBe('2026-12-26')
    expect(clocks([...base, missing('2026-12-22', null)]).return_home_interview).toBeUndefined() // not back
    const held = missing('2026-12-17', '2026-12-19', 'held', '2026-12-21')
    expect(clocks([...base, held]).return_home_interview).toBeUndefined()
    expect(clocks([...base, missing('2026-12-17', '2026-12-19', 'declined')]).return_home_interview).toBeUndefined()
  })

  it('the care plan within 10 WD of the first placement — CPPCR 2010 reg 4(2): placed on a Saturday', () => {
    // Sat 7 Nov 2026: 9(1) … 13(5), 16(6) … 20(10)
    const steps = [episode(), la('2026-11-07'), placement('2026-11-07')]
    expect(clocks(steps).care_plan).toBe('2026-11-20')
    expect(clocks([...steps, step('care_plan', '2026-11-12', {})]).care_plan).toBeUndefined()
    expect(clocks([episode(), la('2026-11-07')]).care_plan).toBeUndefined() // no placement yet
  })
})

describe('order rules for a child in care, refused naming the field', () => {
  const base = [episode(), la('2026-02-02', '2026-10-01')]
  it('health, education, care plan and dental checks only while looked after', () => {
    for (const s of [health('2026-11-02'), pep('2026-11-02'), step('care_plan', '2026-11-02', {})]) {
      const p = stepProblems(s, base, today)
      expect(fields(p)).toEqual(['body.on'])
      expect(p[0]!.offer).toBe('looked_after')
    }
    expect(stepProblems(step('dental_check', '2026-03-02', {}), base, today)).toEqual([])
  })

  it('one initial assessment or plan in a time in care; a review follows it', () => {
    expect(fields(stepProblems(health('2026-03-02', 'review'), base, today))).toEqual(['body.details.type'])
    const first = [...base, health('2026-03-02')]
    expect(fields(stepProblems(health('2026-04-02'), first, today))).toEqual(['body.details.type'])
    expect(stepProblems(health('2026-04-02', 'review'), first, today)).toEqual([])
    expect(fields(stepProblems(pep('2026-03-02', 'review'), base, today))).toEqual(['body.details.type'])
  })

  it('how the child took part in a review: “under 4” only under 4 — 903 rules 440 and 441', () => {
    const review = (participation: 'PN0' | 'PN1') => step('lac_review', '2026-05-04', { participation })
    const under4 = { dateOfBirth: '2022-06-01' }
    const over4 = { dateOfBirth: '2022-05-04' } // 4 on the day of the review
    expect(stepProblems(review('PN0'), base, today, under4)).toEqual([])
    expect(fields(stepProblems(review('PN1'), base, today, under4))).toEqual(['body.details.participation'])
    expect(fields(stepProblems(review('PN0'), base, today, over4))).toEqual(['body.details.participation'])
    expect(stepProblems(review('PN1'), base, today, over4)).toEqual([])
    expect(stepProblems(review('PN1'), base, today)).toEqual([]) // age not known: not refused
  })

  it('times missing: no overlap; the interview follows the return, with its date when held', () => {
    const m = [...base, missing('2026-03-02', '2026-03-04')]
    expect(fields(stepProblems(missing('2026-03-03', '2026-03-05'), m, today))).toEqual(['body.on'])
    expect(fields(stepProblems(missing('2026-03-10', null, 'held', '2026-03-12'), base, today))).toContain(
      'body.details.returnInterview',
    )
    expect(fields(stepProblems(missing('2026-03-10', '2026-03-11', 'held'), base, today))).toEqual([
      'body.details.returnInterviewOn',
    ])
    expect(fields(stepProblems(missing('2026-03-10', '2026-03-11', 'held', '2026-03-09'), base, today))).toEqual([
      'body.details.returnInterviewOn',
    ])
    expect(stepProblems(missing('2026-03-10', '2026-03-11', 'held', '2026-03-12'), base, today)).toEqual([])
  })
})

describe('the In care page’s summary', () => {
  it('the latest time in care, its placement, plan, health, education, reviews and times missing', () => {
    const first = la('2025-01-06', '2025-06-30')
    const now = la('2026-02-02')
    const steps = [
      episode('2025-01-01'),
      first,
      placement('2025-01-06', '2025-06-30'),
      health('2025-02-01'),
      now,
      placement('2026-02-02', '2026-05-01'),
      placement('2026-05-02'),
      step('care_plan', '2026-02-10', {}),
      health('2026-02-20'),
      health('2026-08-20', 'review'),
      step('dental_check', '2026-03-01', {}),
      pep('2026-02-25'),
      step('lac_review', '2026-03-02', { participation: 'PN1' }),
      step('lac_review', '2026-09-01', { participation: 'PN6' }),
      missing('2026-04-01', '2026-04-02', 'held', '2026-04-03'),
      missing('2026-06-01', null),
    ]
    const v = inCare(steps)
    expect(v.lookedAfter).toMatchObject({ stepId: now.id, since: '2026-02-02', until: null, legalStatus: 'C1' })
    expect(v.lookedAfter!.legalStatusLabel).toBe('Interim care order')
    expect(v.periodsOfCare).toBe(2)
    expect(v.placement).toMatchObject({
      since: '2026-05-02',
      inArea: false,
      typeLabel: 'Fostered with another carer: not long-term or fostering for adoption',
    })
    expect(v.placementsThisPeriod).toBe(2)
    expect(v.carePlanAgreedOn).toBe('2026-02-10')
    expect(v.health).toEqual({ lastAssessment: { on: '2026-08-20', type: 'review' }, lastDentalCheck: '2026-03-01' })
    expect(v.education.lastPlan).toEqual({ on: '2026-02-25', type: 'initial' })
    expect(v.reviews).toEqual({ last: '2026-09-01', held: 2 })
    expect(v.missing.map((m) => [m.from, m.to, m.returnInterview])).toEqual([
      ['2026-06-01', null, null],
      ['2026-04-01', '2026-04-02', 'held'],
    ])
  })

  it('a child never looked after: nothing to show', () => {
    expect(inCare([episode()])).toMatchObject({ lookedAfter: null, periodsOfCare: 0, placement: null, missing: [] })
  })
})
