import { upnCheckLetter } from '@hearth/domain/identifiers'
import { holidaySet } from '@hearth/domain/working-days'
import { describe, expect, it } from 'vitest'
import { buildCensusChild, type ChildRecords, censusContext } from '../src/census/build'
import type { CensusChild } from '../src/census/model'
import { CHILD_RULES, COUNCIL_RULES, checkCensus, type RuleContext } from '../src/census/rules'

/**
 * Each census rule: a child that passes every rule, and for each rule one change to it that breaks
 * that rule (the finding names the rule and the child). Every rule Hearth checks is in the table.
 */
const x: RuleContext = { ...censusContext(2027, '931'), holidays: holidaySet() }

function valid(): CensusChild {
  return {
    childId: 'c1',
    familyId: 'f1',
    laChildId: 'NM0001',
    upn: null,
    upnUnknown: 'UN2',
    dateOfBirth: '2018-03-04',
    expectedDateOfBirth: null,
    sex: 'F',
    dateOfDeath: null,
    ethnicity: 'WBRI',
    disabilities: ['NONE'],
    episodes: [
      {
        referralDate: '2026-05-01',
        referralSource: '2A',
        primaryNeed: 'N1',
        closureDate: null,
        closureReason: null,
        referralNfa: false,
        assessments: [{ startDate: '2026-05-05', authorisationDate: '2026-06-01', factors: ['16A'] }],
        cinPlans: [],
        section47s: [
          { startDate: '2026-06-02', icpcTarget: '2026-06-23', icpcDate: '2026-06-16', icpcNotRequired: false },
        ],
        cpPlans: [
          {
            startDate: '2026-06-16',
            endDate: null,
            initialCategory: 'NEG',
            latestCategory: 'NEG',
            previousPlans: 0,
            reviewDates: ['2026-09-15'],
          },
        ],
        preProceedings: [
          {
            startDate: '2026-10-01',
            lbpSentDate: '2026-10-05',
            fgdmOffered: true,
            fgdmFacilitated: true,
            initialMeetingDate: '2026-10-20',
            reviewMeetingsCount: 1,
            stepDecisionDate: null,
            outcome: null,
            courtApplicationDate: null,
            letterInitiatingDate: null,
          },
        ],
      },
    ],
  }
}

type Change = (c: CensusChild) => void
const ep = (c: CensusChild) => c.episodes[0]!
const closed = (c: CensusChild, on = '2027-02-01', why = 'RC7') => {
  ep(c).closureDate = on
  ep(c).closureReason = why
  ep(c).cpPlans[0]!.endDate = '2027-01-15'
  ep(c).preProceedings = []
}
const nfa = () => ({
  referralDate: '2026-12-01',
  referralSource: '6',
  primaryNeed: null,
  closureDate: null,
  closureReason: null,
  referralNfa: true,
  assessments: [],
  cinPlans: [],
  section47s: [],
  cpPlans: [],
  preProceedings: [],
})

/** One change per rule that breaks it (and, where it can, nothing else). */
const BREAK: Record<string, Change> = {
  '8500': (c) => {
    c.laChildId = ''
  },
  '1570': (c) => {
    c.laChildId = 'A'.repeat(21)
  },
  '1580': (c) => {
    c.laChildId = 'NM-0001'
  },
  '1510': (c) => {
    c.upn = 'B123456789012'
    c.upnUnknown = null
  },
  '1530': (c) => {
    // the check letter is right; 999 is no local authority's code
    const body = '999123456789'
    c.upn = `${upnCheckLetter(`X${body}`)}${body}`
    c.upnUnknown = null
  },
  '4180': (c) => {
    c.sex = 'X'
  },
  '8750': (c) => {
    c.dateOfBirth = null
    c.expectedDateOfBirth = '2027-05-01'
  },
  '4220': (c) => {
    c.ethnicity = 'ZZZZ'
  },
  '8520': (c) => {
    c.dateOfBirth = '2027-04-02'
  },
  '8525Q': (c) => {
    c.expectedDateOfBirth = '2027-05-01'
  },
  '8530Q': (c) => {
    c.dateOfBirth = null
    c.sex = 'U'
    c.expectedDateOfBirth = '2028-06-01'
  },
  '8540': (c) => {
    c.disabilities = []
  },
  '8790': (c) => {
    c.disabilities = ['NONE', 'AUT']
  },
  '8794': (c) => {
    c.disabilities = ['AUT', 'AUT']
  },
  '8535Q': (c) => {
    c.dateOfDeath = '2017-01-01'
  },
  '8545Q': (c) => {
    c.dateOfDeath = '2026-01-01'
  },
  '8555Q': (c) => {
    c.dateOfDeath = '2026-04-20'
  },
  '8585Q': (c) => closed(c, '2027-02-01', 'RC2'),
  '8772': (c) => {
    c.upnUnknown = 'UN7'
    c.upn = null
  },
  '8775Q': (c) => {
    c.dateOfBirth = '2000-01-01'
  },
  '8590': (c) => {
    c.episodes = []
  },
  '8600': (c) => {
    ep(c).referralDate = '2027-04-05'
  },
  '8606': (c) => {
    c.dateOfBirth = '2027-03-01'
  },
  '8866': (c) => {
    ep(c).referralSource = '11'
  },
  '8610': (c) => {
    ep(c).primaryNeed = null
  },
  '8650': (c) => {
    ep(c).primaryNeed = 'N11'
  },
  '8620': (c) => closed(c, '2027-04-10'),
  '8630': (c) => {
    ep(c).closureDate = '2026-04-20'
    ep(c).closureReason = 'RC7'
  },
  '8640': (c) => closed(c, '2027-02-01', 'RC0'),
  '8805': (c) => closed(c, '2027-02-01', null as unknown as string),
  '8810': (c) => {
    ep(c).closureReason = 'RC7'
  },
  '8815': (c) => void c.episodes.push({ ...nfa(), referralNfa: false, primaryNeed: 'N4', referralDate: '2026-12-01' }),
  '8816': (c) => void c.episodes.push({ ...nfa(), referralDate: '2027-01-05' }),
  '8820': (c) => {
    closed(c, '2027-02-01')
    c.episodes.push({ ...nfa(), referralNfa: false, primaryNeed: 'N4', referralDate: '2027-01-20' })
  },
  '8565': (c) => closed(c, '2026-12-31'),
  '8831': (c) =>
    void c.episodes.push({
      ...nfa(),
      assessments: [{ startDate: '2026-12-02', authorisationDate: null, factors: [] }],
    }),
  '8832': (c) => {
    c.episodes.push({
      ...nfa(),
      section47s: [{ startDate: '2026-12-02', icpcTarget: '2026-12-23', icpcDate: null, icpcNotRequired: true }],
    })
  },
  '4000': (c) => {
    c.episodes.push({ ...nfa(), cinPlans: [{ startDate: '2026-12-02', endDate: null }] })
  },
  '8569Q': (c) => {
    c.episodes.push({ ...nfa(), referralDate: '2026-03-20' })
  },
  '2991Q': (c) => {
    ep(c).assessments = []
  },
  '8770Q': (c) => {
    c.upnUnknown = 'UN1'
  },
  '2990': (c) => closed(c, '2027-02-01', 'RC8'),
  '8825Q': (c) => {
    closed(c, '2027-02-01', 'RC9')
    Object.assign(ep(c), { assessments: [], section47s: [], cpPlans: [] })
  },
  '1103': (c) => {
    ep(c).assessments[0]!.startDate = '2026-04-20'
  },
  '8608': (c) => {
    ep(c).assessments[0]!.authorisationDate = '2026-05-04'
  },
  '8614': (c) => void ep(c).assessments.push({ startDate: '2026-12-01', authorisationDate: null, factors: ['16A'] }),
  '8897Q': (c) => {
    ep(c).assessments[0]!.factors = []
  },
  '8898': (c) => {
    ep(c).assessments[0]!.factors = ['16A', '16A']
  },
  '8869': (c) => {
    ep(c).assessments[0]!.factors = ['21', '16A']
  },
  '8873Q': (c) => {
    ep(c).assessments[0]!.factors = ['21']
    ep(c).closureDate = '2026-12-01'
    ep(c).closureReason = 'RC1'
  },
  '8899': (c) => {
    ep(c).assessments[0]!.factors = ['99Z']
  },
  '8945Q': (c) => {
    ep(c).assessments[0]!.factors = ['18A']
  },
  '8950Q': (c) => {
    ep(c).assessments[0]!.factors = ['19A']
  },
  '8896': (c) =>
    void ep(c).assessments.push(
      { startDate: '2027-03-01', authorisationDate: null, factors: [] },
      { startDate: '2027-03-02', authorisationDate: null, factors: [] },
    ),
  '8736': (c) => {
    ep(c).referralDate = '2026-03-01'
    ep(c).assessments.push({ startDate: '2026-03-02', authorisationDate: null, factors: [] })
  },
  '8696': (c) => {
    ep(c).referralDate = '2026-03-01'
    ep(c).assessments[0] = { startDate: '2026-03-02', authorisationDate: '2026-03-20', factors: ['16A'] }
  },
  '8670Q': (c) => void ep(c).assessments.push({ startDate: '2026-12-01', authorisationDate: null, factors: [] }),
  '8867': (c) => {
    closed(c)
    ep(c).assessments.push({ startDate: '2026-12-01', authorisationDate: null, factors: [] })
  },
  '8615': (c) => {
    ep(c).section47s[0]!.startDate = '2026-06-17'
  },
  '8839': (c) =>
    void ep(c).section47s.push(
      { startDate: '2027-03-01', icpcTarget: '2027-03-22', icpcDate: null, icpcNotRequired: false },
      { startDate: '2027-03-02', icpcTarget: '2027-03-23', icpcDate: null, icpcNotRequired: false },
    ),
  '8740': (c) => {
    ep(c).referralDate = '2026-03-01'
    ep(c).section47s.push({ startDate: '2026-03-02', icpcTarget: '2026-03-23', icpcDate: null, icpcNotRequired: true })
    ep(c).section47s.at(-1)!.icpcNotRequired = false
  },
  '8715': (c) => {
    ep(c).referralDate = '2026-03-01'
    ep(c).section47s.push({
      startDate: '2026-03-02',
      icpcTarget: '2026-03-23',
      icpcDate: '2026-03-16',
      icpcNotRequired: false,
    })
  },
  '8675Q': (c) =>
    void ep(c).section47s.push({
      startDate: '2027-01-04',
      icpcTarget: '2027-01-25',
      icpcDate: null,
      icpcNotRequired: false,
    }),
  '8870Q': (c) => {
    ep(c).section47s[0]!.icpcTarget = '2026-06-20'
  },
  '8875': (c) => {
    ep(c).section47s[0]!.icpcDate = '2026-06-13'
    ep(c).cpPlans[0]!.startDate = '2026-06-13'
  },
  '8868': (c) => {
    closed(c)
    ep(c).section47s.push({ startDate: '2027-01-04', icpcTarget: '2027-01-25', icpcDate: null, icpcNotRequired: false })
  },
  '2885': (c) => {
    ep(c).cpPlans[0]!.startDate = '2026-06-17'
  },
  '8720': (c) => void ep(c).cpPlans.push({ ...ep(c).cpPlans[0]!, startDate: '2027-04-02', endDate: null }),
  '8930': (c) => {
    ep(c).cpPlans[0]!.endDate = '2027-04-10'
  },
  '8925': (c) => {
    ep(c).cpPlans[0]!.endDate = '2026-06-01'
  },
  '8840': (c) => {
    ep(c).cpPlans[0]!.endDate = '2026-06-16'
  },
  '8935': (c) => void ep(c).cpPlans.push({ ...ep(c).cpPlans[0]!, startDate: '2026-06-17' }),
  '8940': (c) => {
    ep(c).cpPlans[0]!.endDate = '2026-12-01'
    ep(c).cpPlans.push({ ...ep(c).cpPlans[0]!, startDate: '2026-11-01', endDate: '2027-01-01' })
  },
  '8915': (c) => {
    c.dateOfDeath = '2026-06-10'
  },
  '8920': (c) => {
    c.dateOfDeath = '2026-12-01'
  },
  '8905': (c) => {
    ep(c).cpPlans[0]!.initialCategory = 'XYZ'
  },
  '8910': (c) => {
    ep(c).cpPlans[0]!.latestCategory = 'XYZ'
  },
  '8730': (c) => {
    ep(c).cpPlans[0]!.previousPlans = Number.NaN
  },
  '8841': (c) => {
    ep(c).cpPlans[0]!.reviewDates = ['2026-06-16']
  },
  '4001': (c) => void ep(c).cinPlans.push({ startDate: '2026-12-01', endDate: null }),
  '4004': (c) => {
    ep(c).cpPlans[0]!.endDate = '2026-09-01'
    ep(c).cinPlans.push({ startDate: '2026-10-01', endDate: null }, { startDate: '2026-11-01', endDate: null })
  },
  '4014': (c) => {
    ep(c).cpPlans[0]!.endDate = '2026-09-01'
    ep(c).cinPlans.push(
      { startDate: '2026-10-01', endDate: '2026-12-01' },
      { startDate: '2026-11-01', endDate: '2027-01-01' },
    )
  },
  '4010': (c) => {
    ep(c).cpPlans[0]!.endDate = '2026-09-01'
    ep(c).cinPlans.push({ startDate: '2027-04-02', endDate: null })
  },
  '4011': (c) => {
    ep(c).cpPlans[0]!.endDate = '2026-09-01'
    ep(c).cinPlans.push({ startDate: '2026-10-01', endDate: '2026-09-20' })
  },
  '4013': (c) => {
    ep(c).cpPlans[0]!.endDate = '2026-09-01'
    ep(c).cinPlans.push({ startDate: '2026-10-01', endDate: '2027-04-20' })
  },
  '4012Q': (c) => {
    ep(c).cpPlans[0]!.endDate = '2026-09-01'
    ep(c).cinPlans.push({ startDate: '2026-10-01', endDate: '2026-10-01' })
  },
  '4008': (c) => {
    c.dateOfDeath = '2026-12-01'
    ep(c).cpPlans[0]!.endDate = '2026-09-01'
    ep(c).cinPlans.push({ startDate: '2026-12-05', endDate: '2026-12-06' })
  },
  '4009Q': (c) => {
    c.dateOfDeath = '2026-12-01'
    ep(c).cpPlans[0]!.endDate = '2026-09-01'
    ep(c).cinPlans.push({ startDate: '2026-10-05', endDate: null })
  },
  '9005': (c) => {
    ep(c).preProceedings[0]!.startDate = '2027-04-02'
  },
  '9006': (c) => {
    ep(c).preProceedings[0]!.lbpSentDate = '2026-09-30'
  },
  '9007': (c) => {
    ep(c).preProceedings[0]!.fgdmOffered = null
    ep(c).preProceedings[0]!.fgdmFacilitated = null
  },
  '9008': (c) => {
    ep(c).preProceedings[0]!.initialMeetingDate = '2027-04-10'
  },
  '9009': (c) => {
    ep(c).preProceedings[0]!.stepDecisionDate = '2026-09-01'
  },
  '9010Q': (c) => {
    ep(c).preProceedings[0]!.fgdmFacilitated = null
  },
  '9011': (c) => {
    ep(c).preProceedings[0]!.outcome = 'D'
  },
  '9012': (c) => {
    ep(c).preProceedings[0]!.courtApplicationDate = '2026-12-01'
  },
  '9013': (c) => {
    const p = ep(c).preProceedings[0]!
    p.stepDecisionDate = '2026-11-01'
    p.courtApplicationDate = '2026-11-10'
    p.letterInitiatingDate = '2026-11-05'
  },
}

describe('the census rules', () => {
  it('a child with every field right breaks no rule', () => {
    // the return-wide queries (disability codes used across children, module 5 anywhere) aside
    const returnWide = ['8995Q', '2887Q', '2888Q']
    expect(checkCensus([valid()], x).filter((f) => !returnWide.includes(f.code))).toEqual([])
  })

  it('8770Q uses compulsory school age on 31 March: Year 11 at 16 is of it, 5 since January is not yet (#34)', () => {
    const r = CHILD_RULES.find((k) => k.code === '8770Q')!
    const born = (dateOfBirth: string) => ({ ...valid(), dateOfBirth, upnUnknown: 'UN1' }) as CensusChild
    expect(r.fails(born('2010-11-02'), x)).toBe(true) // 16 in November, in Year 11
    expect(r.fails(born('2010-08-20'), x)).toBe(false) // 16 in August: Year 12, school age ended
    expect(r.fails(born('2022-02-10'), x)).toBe(false) // 5 in February: of school age from 1 April
    expect(r.fails(born('2021-11-10'), x)).toBe(true) // 5 in November: of school age since January
  })

  it('8873Q passes when the episode closed after assessment (RC8), or had more than one assessment', () => {
    const r = CHILD_RULES.find((x) => x.code === '8873Q')!
    const closedRc8 = valid()
    ep(closedRc8).assessments[0]!.factors = ['21']
    ep(closedRc8).closureDate = '2026-12-01'
    ep(closedRc8).closureReason = 'RC8'
    expect(r.fails(closedRc8, x)).toBe(false)
    const two = valid()
    ep(two).assessments = [
      { startDate: '2026-05-05', authorisationDate: '2026-06-01', factors: ['21'] },
      { startDate: '2026-09-01', authorisationDate: '2026-09-20', factors: ['3A'] },
    ]
    ep(two).closureDate = '2026-12-01'
    ep(two).closureReason = 'RC1'
    expect(r.fails(two, x)).toBe(false)
    const open = valid()
    ep(open).assessments[0]!.factors = ['21']
    expect(r.fails(open, x), 'an open episode has no reason yet').toBe(false)
  })

  it('1530 takes the LA codes in use since 1998 and the pseudo codes, and no others', () => {
    const r = CHILD_RULES.find((x) => x.code === '1530')!
    const withCode = (la: string) => {
      const c = valid()
      const body = `${la}123456789`
      c.upn = `${upnCheckLetter(`X${body}`)}${body}`
      return c
    }
    for (const ok of ['001', '005', '201', '420', '660', '708', '801', '896', '931', '941'])
      expect(r.fails(withCode(ok), x), ok).toBe(false)
    for (const bad of ['000', '006', '200', '214', '419', '804', '897', '939', '942', '999'])
      expect(r.fails(withCode(bad), x), bad).toBe(true)
  })

  it('every rule Hearth checks has its breaking fixture here', () => {
    expect(CHILD_RULES.map((r) => r.code).filter((c) => !(c in BREAK))).toEqual([])
  })

  for (const r of CHILD_RULES) {
    it(`${r.code} (${r.severity}): ${r.message}`, () => {
      const c = valid()
      BREAK[r.code]!(c)
      expect(r.fails(c, x), 'the changed child breaks it').toBe(true)
      expect(r.fails(valid(), x), 'the valid child does not').toBe(false)
      const found = checkCensus([c], x).find((f) => f.code === r.code)
      expect(found?.children).toEqual([{ childId: 'c1', familyId: 'f1', laChildId: c.laChildId }])
    })
  }

  it('council rules: two children sharing an LAchildID or a UPN; no module 5 data at all (a query)', () => {
    const a = valid()
    const b = { ...valid(), childId: 'c2' }
    const findings = checkCensus([a, b], x)
    expect(findings.find((f) => f.code === '8510')!.children.map((c) => c.childId)).toEqual(['c1', 'c2'])
    const noPp = { ...valid(), episodes: [{ ...valid().episodes[0]!, preProceedings: [] }] }
    expect(checkCensus([noPp], x).find((f) => f.code === '8995Q')).toMatchObject({ severity: 'query', children: [] })
    expect(COUNCIL_RULES.map((r) => r.code).sort()).toEqual([
      '100',
      '1520',
      '2883',
      '2886Q',
      '2887Q',
      '2888Q',
      '8510',
      '8995Q',
    ])
    const codes = (cs: CensusChild[], y = x) => checkCensus(cs, y).map((f) => f.code)
    // 100: the reference date
    expect(codes([valid()], { ...x, referenceDate: '2027-03-30' })).toContain('100')
    expect(codes([valid()])).not.toContain('100')
    // 2883: a plan starting in the period with no ICPC in it
    const noIcpc = valid()
    noIcpc.episodes[0]!.section47s = []
    expect(codes([noIcpc])).toContain('2883')
    expect(codes([valid()])).not.toContain('2883')
    // 2886Q: over 2% with no sex recorded
    const many = Array.from({ length: 30 }, (_, i) => ({ ...valid(), childId: `m${i}`, laChildId: `M${i}` }))
    expect(codes(many)).not.toContain('2886Q')
    many[0]!.sex = 'U'
    expect(codes(many)).toContain('2886Q')
    // 2887Q / 2888Q: the spread of disability codes across the return
    const codesUsed = ['MOB', 'HAND', 'PC', 'INC', 'COMM', 'LD', 'HEAR', 'VIS']
    const spread = codesUsed.map((d, i) => ({ ...valid(), childId: `d${i}`, laChildId: `D${i}`, disabilities: [d] }))
    expect(codes(spread)).toContain('2888Q')
    expect(codes(spread)).not.toContain('2887Q')
    spread[0]!.disabilities = ['MOB', 'AUT']
    expect(codes(spread)).not.toContain('2888Q')
    expect(codes(spread.slice(1))).toContain('2887Q')
    // errors first, then queries
    const sev = findings.map((f) => f.severity)
    expect(sev).toEqual([...sev].sort())
  })
})

describe('who is in the census', () => {
  const child = {
    id: 'k1',
    familyId: 'f1',
    laChildId: 'NM9',
    upn: null,
    upnUnknown: null,
    dateOfBirth: '2019-01-01',
    expectedDateOfBirth: null,
    sex: 'M',
    dateOfDeath: null,
    ethnicity: 'WBRI',
    disabilities: ['NONE'],
  }
  const records = (r: Partial<ChildRecords>): ChildRecords => ({
    child,
    steps: [],
    assessments: [],
    nfaReferrals: [],
    ...r,
  })
  const episode = (on: string, endOn: string | null = null) => ({
    id: on,
    kind: 'episode' as const,
    on,
    endOn,
    details: {
      referralSource: '2A' as const,
      primaryNeed: 'N1' as const,
      closureReason: endOn ? ('RC7' as const) : null,
    },
  })
  const hol = holidaySet()

  it('a referral with no further action in the year is in; one before it is not', () => {
    const c = buildCensusChild(
      records({
        nfaReferrals: [
          { receivedOn: '2026-05-01', source: '6', primaryNeed: null },
          { receivedOn: '2026-03-01', source: '6', primaryNeed: null },
        ],
      }),
      x,
      hol,
    )
    expect(c!.episodes).toEqual([expect.objectContaining({ referralDate: '2026-05-01', referralNfa: true })])
  })

  it('an episode that closed before 1 April is out; one open on 1 April is in', () => {
    expect(buildCensusChild(records({ steps: [episode('2025-10-01', '2026-03-31')] }), x, hol)).toBeNull()
    const open = buildCensusChild(records({ steps: [episode('2025-10-01', '2026-04-01')] }), x, hol)
    expect(open!.episodes[0]).toMatchObject({ referralDate: '2025-10-01', closureDate: '2026-04-01' })
    // what happens after 31 March is left for next year
    const later = buildCensusChild(records({ steps: [episode('2027-01-05', '2027-04-10')] }), x, hol)
    expect(later!.episodes[0]).toMatchObject({ closureDate: null, closureReason: null })
  })

  it('an unborn child keeps the expected date; a child who died keeps the date of death', () => {
    const unborn = buildCensusChild(
      records({
        child: { ...child, dateOfBirth: null, expectedDateOfBirth: '2027-05-01', sex: 'U' },
        steps: [episode('2027-01-10')],
      }),
      x,
      hol,
    )!
    expect(unborn).toMatchObject({ dateOfBirth: null, expectedDateOfBirth: '2027-05-01', sex: 'U' })
    const died = buildCensusChild(
      records({ child: { ...child, dateOfDeath: '2026-08-01' }, steps: [episode('2026-05-01', '2026-08-02')] }),
      x,
      hol,
    )!
    expect(died.dateOfDeath).toBe('2026-08-01')
  })

  it('pre-proceedings started in the year before are left out (module 5 collects those begun in the year, rule 9005)', () => {
    const pp = {
      id: 'pp',
      kind: 'pre_proceedings' as const,
      on: '2026-02-02',
      endOn: null,
      details: {
        lbpSentOn: '2026-02-10',
        fgdmOffered: true,
        fgdmNotOfferedReason: null,
        fgdmAccepted: true,
        fgdmFacilitatedOn: '2026-04-20',
        initialMeetingOn: '2026-03-01',
        reviewMeetingDates: ['2026-04-12', '2026-05-30'],
        stepDecisionOn: null,
        stepDecision: null,
        outcome: null,
        courtApplicationOn: null,
        letterInitiatingOn: null,
      },
    }
    const c = buildCensusChild(records({ steps: [episode('2025-12-01'), pp] }), x, hol)!
    expect(c.episodes[0]!.preProceedings).toEqual([])
    const inYear = { ...pp, on: '2026-04-02', details: { ...pp.details, lbpSentOn: '2026-04-03' } }
    const d = buildCensusChild(records({ steps: [episode('2025-12-01'), inYear] }), x, hol)!
    expect(d.episodes[0]!.preProceedings).toEqual([
      expect.objectContaining({
        startDate: '2026-04-02',
        fgdmOffered: true,
        fgdmFacilitated: true,
        reviewMeetingsCount: 2,
      }),
    ])
  })

  it('an assessment authorised or a plan ended before 1 April is not in the year', () => {
    const steps = [
      episode('2025-10-01'),
      { id: 'p', kind: 'cin_plan' as const, on: '2025-10-10', endOn: '2026-02-01', details: {} },
      { id: 'q', kind: 'cin_plan' as const, on: '2026-02-02', endOn: null, details: {} },
    ]
    const c = buildCensusChild(
      records({
        steps: steps as never,
        assessments: [
          { startedOn: '2025-10-02', authorisedOn: '2025-11-01', factors: ['16A'] },
          { startedOn: '2026-03-01', authorisedOn: '2026-04-10', factors: ['21'] },
        ],
      }),
      x,
      hol,
    )!
    expect(c.episodes[0]!.cinPlans).toEqual([{ startDate: '2026-02-02', endDate: null }])
    expect(c.episodes[0]!.assessments.map((a) => a.startDate)).toEqual(['2026-03-01'])
  })
})
