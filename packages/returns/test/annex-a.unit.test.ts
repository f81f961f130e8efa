import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { type AnnexRecords, ageOn, annexLists, ukDate } from '../src/annex-a/lists'
import { annexWorkbook } from '../src/annex-a/workbook'

/** Annex A's lists against a fixture counted by hand; the workbook read back. */
const p = { from: '2026-06-01', to: '2026-11-30' }
const step = (kind: string, on: string, details: Record<string, unknown>, endOn: string | null = null) =>
  ({ id: `${kind}${on}`, kind, on, endOn, details }) as AnnexRecords['steps'][number]

const ava: AnnexRecords = {
  child: {
    id: 'a',
    laChildId: 'NM1',
    sex: 'F',
    ethnicity: 'WBRI',
    dateOfBirth: '2019-12-01',
    expectedDateOfBirth: null,
    disabilities: ['NONE'],
    team: 'Eastfield family team',
    worker: 'Priya Practitioner',
  },
  steps: [
    step('episode', '2026-06-10', { referralSource: '2A', primaryNeed: 'N1', closureReason: null }),
    step('strategy_discussion', '2026-06-12', { agencies: ['police'], decision: 's47' }),
    step('s47', '2026-06-12', { icpcRequired: true }),
    step('conference', '2026-06-26', { type: 'initial', decision: 'plan', chair: 'C' }),
    step('cp_plan', '2026-06-26', { category: 'NEG', latestCategory: 'EMO' }),
    step('statutory_visit', '2026-07-03', { plan: 'cp', seenAlone: false }),
    step('statutory_visit', '2026-07-10', { plan: 'cp', seenAlone: true }),
    step('conference', '2026-09-22', { type: 'review', decision: 'continue', chair: 'C' }),
  ],
  assessments: [{ startedOn: '2026-06-11', authorisedOn: '2026-07-20', factors: ['16A'] }],
  // one referral before the period (last year), one in it, and one in it with no further action
  referrals: [
    { receivedOn: '2025-12-01', source: '6', nfa: false },
    { receivedOn: '2026-03-01', source: '9', nfa: true },
    { receivedOn: '2026-06-10', source: '2A', nfa: false },
  ],
  seen: [{ on: '2026-06-15', alone: true }],
}
const bo: AnnexRecords = {
  child: {
    id: 'b',
    laChildId: 'NM2',
    sex: 'M',
    ethnicity: 'BAFR',
    dateOfBirth: null,
    expectedDateOfBirth: '2027-01-15',
    disabilities: [],
    team: null,
    worker: null,
  },
  steps: [
    step('episode', '2026-01-05', { referralSource: '3B', primaryNeed: 'N2', closureReason: 'RC7' }, '2026-05-31'),
    step('episode', '2026-07-01', { referralSource: '3B', primaryNeed: 'N2', closureReason: null }),
    step('looked_after', '2026-07-02', { legalStatus: 'V2', careLeaver: false }),
    step('placement', '2026-07-02', { type: 'U6', provider: 'PR1', inArea: true }, '2026-08-01'),
    step('placement', '2026-08-01', { type: 'K2', provider: 'PR4', inArea: false }),
    step('lac_review', '2026-07-29', { participation: 'PN1' }),
  ],
  assessments: [],
  referrals: [],
  seen: [],
}

describe('Annex A', () => {
  const lists = annexLists([ava, bo], p)
  const list = (n: number) => lists.find((l) => l.number === n)!

  it('dates dd/mm/yyyy; ages in whole years on the last day, −1 unborn', () => {
    expect(ukDate('2026-06-10')).toBe('10/06/2026')
    expect(ageOn('2019-12-01', '2026-11-30')).toBe(6)
    expect(ageOn('2019-11-30', '2026-11-30')).toBe(7)
    expect(ageOn(null, '2026-11-30')).toBe(-1)
  })

  it('lists 1 and 3: the referrals in the period, each with the count of the last 12 months', () => {
    expect(list(1).rows).toEqual([['NM1', 'Female', 'WBRI', '01/12/2019', 6, '10/06/2026', '2A']])
    expect(list(3).rows).toEqual([
      [
        'NM1',
        'Female',
        'WBRI',
        '01/12/2019',
        6,
        'Eastfield family team',
        'Priya Practitioner',
        '10/06/2026',
        '2A',
        'No',
        3,
      ],
    ])
  })

  it('list 4: the assessment, the child seen during it, support needed', () => {
    expect(list(4).rows).toEqual([
      [
        'NM1',
        'Female',
        'WBRI',
        '01/12/2019',
        6,
        'No',
        'Eastfield family team',
        'Priya Practitioner',
        '11/06/2026',
        'Yes',
        '20/07/2026',
        'Yes',
      ],
    ])
  })

  it('list 5: one enquiry, its strategy discussion, the ICPC and its plan', () => {
    expect(list(5).rows).toHaveLength(1)
    expect(list(5).rows[0]!.slice(8)).toEqual(['12/06/2026', 'No', '26/06/2026', 'Yes', 1, 1])
  })

  it('list 6: the episodes open in the period (not the one closed before it), with their status', () => {
    expect(list(6).rows.map((r) => [r[0], r[8], r[13]])).toEqual([
      ['NM1', '10/06/2026', 'Child protection plan'],
      ['NM2', '01/07/2026', 'Looked after child'],
    ])
    // an unborn child: expected date, age −1, disability unknown, nobody allocated
    expect(list(6).rows[1]!.slice(0, 8)).toEqual(['NM2', 'Male', 'BAFR', '15/01/2027', -1, 'Unknown', '', ''])
  })

  it('list 7: the plan with its last visit (seen alone) and review', () => {
    expect(list(7).rows[0]!.slice(8)).toEqual(['26/06/2026', 'NEG', 'EMO', '10/07/2026', 'Yes', '22/09/2026', '', 0])
  })

  it('list 8: looked after with two placements, the latest out of area', () => {
    expect(list(8).rows[0]!.slice(8)).toEqual([
      '02/07/2026',
      'V2',
      '29/07/2026',
      '',
      2,
      '',
      '01/08/2026',
      'K2',
      'Out of area',
    ])
  })

  it('lists Hearth does not hold say so; the workbook has a sheet for each, read back', async () => {
    expect(list(2).note).toMatch(/does not hold early help/)
    expect([9, 10, 11].map((n) => list(n).rows.length)).toEqual([0, 0, 0])
    const file = await annexWorkbook(lists, p, 'Northmoor Borough Council')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(file as never)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['About', ...lists.map((l) => `List ${l.number}`)])
    const seven = wb.getWorksheet('List 7')!
    expect(seven.getRow(1).getCell(1).value).toBe('Child Unique ID')
    expect(seven.getRow(2).getCell(9).value).toBe('26/06/2026')
    expect(wb.getWorksheet('List 2')!.getRow(1).getCell(1).value).toMatch(/does not hold/)
  })
})
