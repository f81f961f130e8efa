import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { censusContext } from '../src/census/build'
import type { CensusChild } from '../src/census/model'
import { CHILD_RULES, COUNCIL_RULES } from '../src/census/rules'
import { censusXml } from '../src/census/xml'
import { CENSUS_YEARS, censusYear } from '../src/census/years'

/** The census XML: valid against the XSD kept beside it (xmllint), in schema order, read back the same. */
const XSD = join(import.meta.dirname, '../schema/cin-2026-27.xsd')
const ctx = censusContext(2027, '931')

function child(n: number, over: Partial<CensusChild> = {}): CensusChild {
  return {
    childId: `c${n}`,
    familyId: 'f1',
    laChildId: `NM${n}`,
    upn: null,
    upnUnknown: 'UN1',
    dateOfBirth: '2022-03-04',
    expectedDateOfBirth: null,
    sex: 'F',
    dateOfDeath: null,
    ethnicity: 'MWBA',
    disabilities: ['COMM', 'LD'],
    episodes: [
      {
        referralDate: '2026-05-01',
        referralSource: '3B',
        primaryNeed: 'N1',
        closureDate: '2027-02-01',
        closureReason: 'RC7',
        referralNfa: false,
        assessments: [{ startDate: '2026-05-05', authorisationDate: '2026-06-01', factors: ['16A', '3B'] }],
        cinPlans: [{ startDate: '2026-11-01', endDate: '2027-01-30' }],
        section47s: [
          { startDate: '2026-06-02', icpcTarget: '2026-06-23', icpcDate: '2026-06-16', icpcNotRequired: false },
        ],
        cpPlans: [
          {
            startDate: '2026-06-16',
            endDate: '2026-10-30',
            initialCategory: 'NEG',
            latestCategory: 'EMO',
            previousPlans: 1,
            reviewDates: ['2026-09-15'],
          },
        ],
        preProceedings: [
          {
            startDate: '2026-10-01',
            lbpSentDate: '2026-10-05',
            fgdmOffered: true,
            fgdmFacilitated: false,
            initialMeetingDate: '2026-10-20',
            reviewMeetingsCount: 0,
            stepDecisionDate: '2026-12-01',
            outcome: 'B',
            courtApplicationDate: null,
            letterInitiatingDate: null,
          },
        ],
      },
      {
        referralDate: '2027-03-01',
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
      },
    ],
    ...over,
  }
}

function xmllint(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-census-'))
  const file = join(dir, 'census.xml')
  writeFileSync(file, xml)
  return execFileSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: 'pipe' })
}

describe('the census XML', () => {
  const kids = [
    child(1),
    child(2, {
      upn: 'A123456789012',
      upnUnknown: null,
      dateOfBirth: null,
      expectedDateOfBirth: '2027-05-01',
      sex: 'U',
    }),
    child(3, { dateOfDeath: '2027-01-01', disabilities: [] }),
  ]
  const xml = censusXml(kids, ctx, new Date('2027-04-20T09:30:00Z'))

  it('is valid against the XSD (xmllint)', () => {
    expect(() => xmllint(xml)).not.toThrow()
  })

  it('is refused by the XSD when an element is out of order or a code is not in its list', () => {
    const swapped = xml.replace(
      /<ReferralSource>3B<\/ReferralSource>\s*<PrimaryNeedCode>N1<\/PrimaryNeedCode>/,
      '<PrimaryNeedCode>N1</PrimaryNeedCode><ReferralSource>3B</ReferralSource>',
    )
    expect(swapped).not.toBe(xml)
    expect(() => xmllint(swapped)).toThrow()
    expect(() => xmllint(xml.replace('<Ethnicity>MWBA</Ethnicity>', '<Ethnicity>XXXX</Ethnicity>'))).toThrow()
  })

  it('reads back as written: the header, each child, episodes in order, nothing of Hearth’s own ids', () => {
    const parsed = new XMLParser({
      isArray: (name) => ['Child', 'CINdetails', 'Disability', 'AssessmentFactors'].includes(name),
      parseTagValue: false,
    }).parse(xml)
    expect(parsed.Message.Header.CollectionDetails).toEqual({
      Collection: 'CIN',
      Year: '2027',
      ReferenceDate: '2027-03-31',
    })
    expect(parsed.Message.Header.Source.LEA).toBe('931')
    const c = parsed.Message.Children.Child
    expect(c.map((x: { ChildIdentifiers: { LAchildID: string } }) => x.ChildIdentifiers.LAchildID)).toEqual([
      'NM1',
      'NM2',
      'NM3',
    ])
    expect(c[1].ChildIdentifiers).toMatchObject({
      UPN: 'A123456789012',
      ExpectedPersonBirthDate: '2027-05-01',
      Sex: 'U',
    })
    expect(c[1].ChildIdentifiers.UPNunknown).toBeUndefined()
    expect(c[0].ChildCharacteristics.Disabilities.Disability).toEqual(['COMM', 'LD'])
    expect(c[2].ChildCharacteristics.Disabilities).toBeUndefined()
    const [first, second] = c[0].CINdetails
    expect(first.ReferralNFA).toBe('false')
    expect(second).toMatchObject({ ReferralNFA: 'true', CINreferralDate: '2027-03-01' })
    expect(first.Assessments.FactorsIdentifiedAtAssessment.AssessmentFactors).toEqual(['16A', '3B'])
    expect(first.PreProceedingsandFGDM).toMatchObject({
      PPStartDate: '2026-10-01',
      FGDMMeetingOffer: 'true',
      PPOutcome: 'B',
    })
    expect(xml).not.toMatch(/c1|f1/)
    // the element order inside CINdetails is the schema's
    const order = [...xml.split('<CINdetails>')[1]!.matchAll(/<([A-Za-z0-9]+)>/g)].map((m) => m[1])
    const top = [
      'CINreferralDate',
      'ReferralSource',
      'PrimaryNeedCode',
      'CINclosureDate',
      'ReasonForClosure',
      'Assessments',
      'CINPlanDates',
      'Section47',
      'ReferralNFA',
      'ChildProtectionPlans',
      'PreProceedingsandFGDM',
    ]
    expect(order.filter((n) => top.includes(n!))).toEqual(top)
  })
})

describe('each year as data', () => {
  it('2025–26 has no module 5: its file leaves pre-proceedings out and is valid against its own XSD', () => {
    const spec = censusYear(2026)!
    expect(spec).toMatchObject({ label: '2025–26', module5: false })
    const xml = censusXml([child(1)], censusContext(2026, '931'), new Date('2026-04-20T09:30:00Z'), spec)
    expect(xml).not.toContain('PreProceedingsandFGDM')
    const dir = mkdtempSync(join(tmpdir(), 'hearth-census-'))
    writeFileSync(join(dir, 'c.xml'), xml)
    const xsd = join(import.meta.dirname, '../schema', spec.xsd)
    expect(() =>
      execFileSync('xmllint', ['--noout', '--schema', xsd, join(dir, 'c.xml')], { stdio: 'pipe' }),
    ).not.toThrow()
    // the 2026-27 file, with module 5, is not valid against the 2025-26 schema
    const later = censusXml([child(1)], censusContext(2027, '931'), new Date(), censusYear(2027)!)
    writeFileSync(join(dir, 'd.xml'), later)
    expect(() => execFileSync('xmllint', ['--noout', '--schema', xsd, join(dir, 'd.xml')], { stdio: 'pipe' })).toThrow()
  })

  it('every rule a year names has its function; a later year uses the latest held until its own is added', () => {
    const codes = [...CHILD_RULES, ...COUNCIL_RULES].map((r) => r.code)
    for (const y of Object.values(CENSUS_YEARS)) expect(y.rules.filter((c) => !codes.includes(c))).toEqual([])
    expect(censusYear(2026)!.rules.some((c) => c.startsWith('90'))).toBe(false)
    expect(censusYear(2030)!.label).toBe('2026–27')
    expect(censusYear(2022)).toBeNull()
  })
})
