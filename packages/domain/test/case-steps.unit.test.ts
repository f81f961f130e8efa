import { describe, expect, it } from 'vitest'
import { type CaseStep, childClocks, dueState, type StepKind, stepProblems } from '../src/case-steps'
import { clockDueDate } from '../src/clocks'
import { holidaySet } from '../src/working-days'

/**
 * The case process as steps on a child's record: the order rules (refused at the source, each
 * naming its field) and the clocks that follow from the steps, worked by hand.
 */
const hol = holidaySet()
const today = '2026-11-30'
let n = 0
function step<K extends StepKind>(kind: K, on: string, details: CaseStep<K>['details'], endOn: string | null = null) {
  return { id: `s${++n}`, kind, on, endOn, details } as CaseStep<K>
}
const episode = (on = '2026-09-01', endOn: string | null = null) =>
  step('episode', on, { referralSource: '2A', primaryNeed: 'N1', closureReason: null }, endOn)
const sd = (on: string, decision: 's47' | 'no_s47' = 's47') =>
  step('strategy_discussion', on, { agencies: ['police'], decision })
const s47 = (on: string, icpcRequired: boolean | null = null) => step('s47', on, { icpcRequired })
const icpc = (on: string, decision: 'plan' | 'no_plan' = 'plan') =>
  step('conference', on, { type: 'initial', decision, chair: 'R. Chair' })
const cpPlan = (on: string, endOn: string | null = null) =>
  step('cp_plan', on, { category: 'NEG', latestCategory: null }, endOn)
const fields = (p: { field: string }[]) => p.map((x) => x.field)

describe('order rules, refused naming the field', () => {
  it('an initial conference before its strategy discussion', () => {
    const others = [episode(), sd('2026-10-05'), s47('2026-10-05')]
    const p = stepProblems(icpc('2026-10-02'), others, today)
    expect(fields(p)).toEqual(['body.on'])
    expect(p[0]!.message).toMatch(/before the strategy discussion/)
    expect(stepProblems(icpc('2026-10-06'), others, today)).toEqual([])
  })

  it('a child protection plan without an initial conference that decided on one', () => {
    const p = stepProblems(cpPlan('2026-10-06'), [episode(), sd('2026-10-05'), s47('2026-10-05')], today)
    expect(fields(p)).toEqual(['body.on'])
    expect(p[0]!.message).toMatch(/initial conference/)
    const withNoPlan = [episode(), sd('2026-10-05'), s47('2026-10-05'), icpc('2026-10-06', 'no_plan')]
    expect(fields(stepProblems(cpPlan('2026-10-06'), withNoPlan, today))).toEqual(['body.on'])
    const withPlan = [episode(), sd('2026-10-05'), s47('2026-10-05'), icpc('2026-10-06')]
    expect(stepProblems(cpPlan('2026-10-06'), withPlan, today)).toEqual([])
  })

  it('a closure before the referral; a closure without a reason; a reason without a closure', () => {
    const early = step(
      'episode',
      '2026-09-01',
      { referralSource: '2A', primaryNeed: 'N1', closureReason: 'RC7' },
      '2026-08-01',
    )
    expect(stepProblems(early, [], today)).toEqual([
      { field: 'body.endOn', message: 'the closure cannot be before the referral', census: '8630' },
    ])
    expect(fields(stepProblems(episode('2026-09-01', '2026-10-01'), [], today))).toEqual(['body.details.closureReason'])
    const reasonOnly = step('episode', '2026-09-01', { referralSource: '2A', primaryNeed: 'N1', closureReason: 'RC7' })
    expect(fields(stepProblems(reasonOnly, [], today))).toEqual(['body.endOn'])
  })

  it('an episode cannot close while a plan in it is open, nor after assessment once there was an enquiry', () => {
    const closing = step(
      'episode',
      '2026-09-01',
      { referralSource: '2A', primaryNeed: 'N1', closureReason: 'RC8' },
      '2026-11-01',
    )
    const enquiry = { ...s47('2026-10-05'), endOn: '2026-10-06' }
    const others = [sd('2026-10-05'), enquiry, icpc('2026-10-06'), cpPlan('2026-10-06')]
    const p = stepProblems(closing, others, today)
    expect(fields(p)).toEqual(['body.endOn', 'body.details.closureReason'])
    expect(p[0]!.message).toMatch(/child protection plan/)
  })

  it('a pre-proceedings outcome without its end; FGDM not offered without a reason; the letter without saying', () => {
    const pp = (d: Partial<CaseStep<'pre_proceedings'>['details']>, endOn: string | null = null) =>
      step(
        'pre_proceedings',
        '2026-10-01',
        {
          lbpSentOn: null,
          fgdmOffered: null,
          fgdmNotOfferedReason: null,
          fgdmAccepted: null,
          fgdmFacilitatedOn: null,
          initialMeetingOn: null,
          reviewMeetingDates: [],
          stepDecisionOn: null,
          stepDecision: null,
          outcome: null,
          courtApplicationOn: null,
          letterInitiatingOn: null,
          ...d,
        },
        endOn,
      )
    const e = [episode()]
    expect(fields(stepProblems(pp({ outcome: 'A' }), e, today))).toEqual(['body.endOn'])
    expect(fields(stepProblems(pp({ lbpSentOn: '2026-10-02' }), e, today))).toEqual(['body.details.fgdmOffered'])
    const notOffered = stepProblems(pp({ lbpSentOn: '2026-10-02', fgdmOffered: false }), e, today)
    expect(fields(notOffered)).toEqual(['body.details.fgdmNotOfferedReason'])
    expect(notOffered[0]!.message).toMatch(/best interests/)
    expect(fields(stepProblems(pp({ lbpSentOn: '2026-09-20', fgdmOffered: true }), e, today))).toEqual([
      'body.details.lbpSentOn',
    ])
    expect(
      fields(
        stepProblems(
          pp({ courtApplicationOn: '2026-10-20', stepDecision: 'step_down', stepDecisionOn: '2026-10-10' }),
          e,
          today,
        ),
      ),
    ).toEqual(['body.details.courtApplicationOn'])
    expect(stepProblems(pp({ lbpSentOn: '2026-10-02', fgdmOffered: true, fgdmAccepted: true }), e, today)).toEqual([])
  })

  it('every step but the episode falls inside an episode; visits need the plan open', () => {
    expect(fields(stepProblems(sd('2026-10-05'), [], today))).toEqual(['body.on'])
    const visit = step('statutory_visit', '2026-10-08', { plan: 'cp', seenAlone: true })
    expect(fields(stepProblems(visit, [episode()], today))).toEqual(['body.details.plan'])
    expect(stepProblems(visit, [episode(), cpPlan('2026-10-06')], today)).toEqual([])
  })

  it('a conference is never at a weekend (census rule 8875): in words, the rule kept apart', () => {
    const others = [episode(), sd('2026-10-05'), s47('2026-10-05')]
    const [p] = stepProblems(icpc('2026-10-10'), others, today)
    expect(p).toEqual({ field: 'body.on', message: 'a conference is not held at a weekend', census: '8875' })
  })

  it('a step missing before it is named, in words, and offered to record first (#32)', () => {
    const [outside] = stepProblems(sd('2026-10-05'), [], today)
    expect(outside).toEqual({
      field: 'body.on',
      message: 'record the episode of need first: this date is outside any episode of need',
      census: '1103, 2889, 1105, 4015',
      offer: 'episode',
    })
    expect(stepProblems(s47('2026-10-05'), [episode()], today)[0]!.offer).toBe('strategy_discussion')
    expect(stepProblems(icpc('2026-10-06'), [episode(), sd('2026-10-05')], today)[0]!.offer).toBe('s47')
    expect(stepProblems(icpc('2026-10-06'), [episode()], today)[0]!.offer).toBe('strategy_discussion')
    const noConference = [episode(), sd('2026-10-05'), s47('2026-10-05')]
    expect(stepProblems(cpPlan('2026-10-06'), noConference, today)[0]!.offer).toBe('conference')
    // no message a practitioner reads carries a rule number
    const all = [
      ...stepProblems(episode('2026-09-01', '2026-08-01'), [], today),
      ...stepProblems(cpPlan('2026-10-06', '2026-10-06'), noConference, today),
    ]
    expect(all.length).toBeGreaterThan(1)
    for (const x of all) expect(x.message).not.toMatch(/\d{4}/)
  })
})

describe('clocks from the steps', () => {
  it('ICPC within 15 WD of the strategy discussion — WT2023 ch.3; held, it stops', () => {
    const steps = [episode(), sd('2026-12-17'), s47('2026-12-17')]
    // Thu 17 Dec 2026 + 15 WD across Christmas and New Year = Tue 12 Jan 2027
    expect(childClocks(steps, [], hol)).toEqual([expect.objectContaining({ clock: 'icpc', dueOn: '2027-01-12' })])
    expect(childClocks([...steps, icpc('2027-01-11', 'no_plan')], [], hol)).toEqual([])
    expect(childClocks([episode(), sd('2026-12-17'), s47('2026-12-17', false)], [], hol)).toEqual([])
  })

  it('a CP plan: first core group 10 WD, first review 3 months, visits by the council’s length', () => {
    const steps = [episode(), sd('2026-03-12'), s47('2026-03-12'), icpc('2026-03-27'), cpPlan('2026-03-27')]
    const c = childClocks(steps, [], hol, { cp_visit: 5 })
    const by = Object.fromEntries(c.map((x) => [x.clock, x.dueOn]))
    expect(by).toEqual({
      first_core_group: '2026-04-14', // over Easter 2026 (WT2023 ch.3)
      first_rcpc: '2026-06-27', // 3 calendar months
      cp_visit: '2026-04-07', // 5 WD, Good Friday and Easter Monday not counted
    })
    const later = childClocks(
      [
        ...steps,
        step('core_group', '2026-04-10', {}),
        step('conference', '2026-06-22', { type: 'review', decision: 'continue', chair: 'R. Chair' }),
        step('statutory_visit', '2026-06-23', { plan: 'cp', seenAlone: false }),
      ],
      [],
      hol,
    )
    expect(Object.fromEntries(later.map((x) => [x.clock, x.dueOn]))).toEqual({
      later_core_group: '2026-05-22', // 6 weeks (local)
      later_rcpc: '2026-12-22', // 6 months (WT2023 ch.3)
      cp_visit: '2026-07-07', // 10 WD (local default)
    })
    // the plan ends: its clocks stop
    const ended = steps.map((s) => (s.kind === 'cp_plan' ? { ...s, endOn: '2026-05-01' } : s))
    expect(childClocks(ended, [], hol)).toEqual([])
  })

  it('looked after: first review 20 WD — CPPCR reg 33(1); first visit in 7 days — reg 28(2), again with each placement', () => {
    const la = step('looked_after', '2026-12-14', { legalStatus: 'V2', careLeaver: false })
    const p1 = step('placement', '2026-12-14', { type: 'U6', provider: 'PR1', inArea: true }, '2026-12-20')
    const p2 = step('placement', '2026-12-21', { type: 'U6', provider: 'PR1', inArea: true })
    const c = childClocks([episode(), la, p1, p2], [], hol)
    expect(Object.fromEntries(c.map((x) => [x.clock, x.dueOn]))).toEqual({
      // Mon 14 Dec 2026: 15(1) … 24(8), 25 and 28 Dec bank holidays, 29(9) 30(10) 31(11),
      // 1 Jan bank holiday, 4(12) … 8(16), 11(17) 12(18) 13(19) 14(20)
      first_lac_review: '2027-01-14',
      first_lac_visit: '2026-12-28', // 7 calendar days from the new placement, bank holiday or not
      care_plan: '2026-12-30', // 10 WD from the first placement: 15(1) … 24(8), 29(9) 30(10) — reg 4(2)
      initial_health_assessment: '2027-01-14', // 20 WD, in time for the first review — reg 7(1)
    })
    const seen = step('statutory_visit', '2026-12-23', { plan: 'lac', seenAlone: true })
    const r1 = step('lac_review', '2027-01-12', {})
    const d = childClocks([episode(), la, p1, p2, seen, r1], [], hol)
    expect(Object.fromEntries(d.map((x) => [x.clock, x.dueOn]))).toEqual({
      second_lac_review: '2027-04-12',
      lac_visit: '2027-02-03', // 6 weeks after the last visit (reg 28(2))
      care_plan: '2026-12-30',
      initial_health_assessment: '2027-01-14',
    })
  })

  it('a placement meant to last until 18: after its first year, visits at most every 3 months — CPPCR reg 28(2)', () => {
    const la = step('looked_after', '2025-01-06', { legalStatus: 'C2', careLeaver: false })
    const p = step('placement', '2025-01-06', { type: 'U4', provider: 'PR1', inArea: true, untilEighteen: true })
    const early = step('statutory_visit', '2025-11-03', { plan: 'lac', seenAlone: true })
    const late = step('statutory_visit', '2026-02-02', { plan: 'lac', seenAlone: true })
    const at = (visits: CaseStep[]) =>
      childClocks([episode('2024-12-01'), la, p, ...visits], [], hol).find((c) => c.clock.includes('lac_visit'))!
    expect(at([early])).toMatchObject({ clock: 'lac_visit', dueOn: '2025-12-15' }) // 6 weeks in the first year
    expect(at([early, late])).toMatchObject({ clock: 'lac_visit_long_term', dueOn: '2026-05-02' }) // 3 months
    const shortTerm = { ...p, details: { ...p.details, untilEighteen: false } }
    const c = childClocks([episode('2024-12-01'), la, shortTerm, early, late], [], hol)
    expect(c.find((x) => x.clock === 'lac_visit')!.dueOn).toBe('2026-03-16')
  })

  it('a correction moves the clock and keeps its key', () => {
    const before = childClocks([episode(), sd('2026-10-05'), s47('2026-10-05')], [], hol)
    const s = before[0]!
    const corrected = childClocks([episode(), { ...sd('2026-10-07'), id: s.stepId! }, s47('2026-10-07')], [], hol)
    expect(corrected[0]!.key).toBe(s.key)
    expect(corrected[0]!.dueOn).toBe(clockDueDate('icpc', '2026-10-07', hol))
    expect(corrected[0]!.dueOn).not.toBe(s.dueOn)
  })

  it('the assessment clock for each open assessment; pre-proceedings reviews from the last meeting', () => {
    const c = childClocks([], [{ id: 'a1', referralDate: '2025-11-20' }], hol)
    expect(c).toEqual([expect.objectContaining({ clock: 'assessment', dueOn: '2026-01-27', assessmentId: 'a1' })])
  })

  it('due soon from the council’s warning in working days; overdue the day after', () => {
    // due Tue 1 Dec 2026
    expect(dueState('2026-12-01', '2026-11-26', hol)).toBe('on_track')
    expect(dueState('2026-12-01', '2026-11-27', hol)).toBe('due_soon') // Fri: Mon(1) Tue(2)
    expect(dueState('2026-12-01', '2026-11-26', hol, 3)).toBe('due_soon')
    expect(dueState('2026-12-01', '2026-12-01', hol)).toBe('due_soon')
    expect(dueState('2026-12-01', '2026-12-02', hol)).toBe('overdue')
  })
})
