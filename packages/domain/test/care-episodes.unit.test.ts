import { describe, expect, it } from 'vitest'
import { periodsOfCare } from '../src/care-episodes'
import type { CaseStep, StepKind } from '../src/case-steps'
import { providerProblem } from '../src/ssda903-codes'

/**
 * #34, the looked-after return's episodes worked out from the steps (ssda903.md §1): a new
 * episode whenever the legal status or the placement changes (RNE saying which), the one before
 * closed the same day with X1, the period's own reason on the last.
 */
let n = 0
function step<K extends StepKind>(kind: K, on: string, details: CaseStep<K>['details'], endOn: string | null = null) {
  return { id: `s${++n}`, kind, on, endOn, details } as CaseStep<K>
}
const placed = (
  on: string,
  type: CaseStep<'placement'>['details']['type'],
  o: Partial<CaseStep<'placement'>['details']> = {},
  endOn: string | null = null,
) =>
  step(
    'placement',
    on,
    { type, provider: 'PR1', inArea: true, postcode: 'NM1 1AA', sameCarers: false, changeReason: null, ...o },
    endOn,
  )
const row = (e: {
  decom: string
  rne: string
  ls: string
  place: string | null
  dec: string | null
  rec: string | null
}) => [e.decom, e.rne, e.ls, e.place, e.dec, e.rec].join(' ')

describe('care episodes from the steps', () => {
  it('a period of care: a move, a legal status change, a move to the same carers and both at once, then home', () => {
    const la = step(
      'looked_after',
      '2026-04-10',
      { legalStatus: 'V2', careLeaver: false, endReason: 'E4A' },
      '2027-02-01',
    )
    const first = placed('2026-04-10', 'U6', { changeReason: 'CREQB' }, '2026-06-01')
    const second = placed('2026-06-01', 'U6', {}, '2026-09-15')
    const third = placed('2026-09-15', 'U4', { sameCarers: true }, '2026-12-01')
    const fourth = placed('2026-12-01', 'K2', { provider: 'PR4' })
    const steps = [
      la,
      first,
      second,
      step('legal_status', '2026-07-20', { legalStatus: 'C1' }),
      third,
      step('legal_status', '2026-12-01', { legalStatus: 'C2' }),
      fourth,
    ]
    const [period] = periodsOfCare(steps)
    expect(period!.episodes.map(row)).toEqual([
      '2026-04-10 S V2 U6 2026-06-01 X1', // started to be looked after
      '2026-06-01 P V2 U6 2026-07-20 X1', // moved to other carers
      '2026-07-20 L C1 U6 2026-09-15 X1', // legal status only
      '2026-09-15 T C1 U4 2026-12-01 X1', // same carers, now long-term
      '2026-12-01 B C2 K2 2027-02-01 E4A', // both at once; home as planned ends the period
    ])
    expect(period!.episodes[0]!.reasonPlaceChange).toBe('CREQB')
    expect(period!.episodes[2]!.reasonPlaceChange).toBeNull() // the legal status changed, not the placement
    expect(period!.episodes[4]).toMatchObject({ provider: 'PR4', placementStepId: fourth.id })
  })

  it('a legal status recorded again unchanged starts nothing; a second period of care starts with S again', () => {
    const a = step(
      'looked_after',
      '2025-01-06',
      { legalStatus: 'C2', careLeaver: false, endReason: 'E13' },
      '2025-03-01',
    )
    const b = step('looked_after', '2026-05-04', { legalStatus: 'V2', careLeaver: false, endReason: null })
    const periods = periodsOfCare([
      a,
      placed('2025-01-06', 'U3', {}, '2025-03-01'),
      step('legal_status', '2025-02-02', { legalStatus: 'C2' }),
      b,
      placed('2026-05-04', 'U1', { provider: 'PR1' }),
    ])
    expect(periods.map((p) => p.episodes.map(row))).toEqual([
      ['2025-01-06 S C2 U3 2025-03-01 E13'],
      ['2026-05-04 S V2 U1  '],
    ])
  })

  it('who may provide a placement: refused where the return would refuse it (178, 213, 526, 550, 527–531)', () => {
    expect(providerProblem('U6', 'PR1')).toBeNull()
    expect(providerProblem('P1', 'PR0')).toBeNull()
    expect(providerProblem('U6', null)).toMatch(/choose who provides/)
    expect(providerProblem('T1', 'PR1')).toMatch(/no provider/)
    expect(providerProblem('Z12', null)).toBeNull()
    expect(providerProblem('K2', 'PR0')).toMatch(/parents provide only/)
    expect(providerProblem('P1', 'PR4')).toMatch(/provided by the parents/)
    expect(providerProblem('R5', 'PR1')).toMatch(/not a council’s own/)
    expect(providerProblem('U4', 'PR3')).toMatch(/other public provision/)
    expect(providerProblem('R2', 'PR3')).toBeNull()
  })
})
