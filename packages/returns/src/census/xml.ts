import { createCB } from 'xmlbuilder2'
import type { CensusChild, CensusContext } from './model'

const yesNo = (b: boolean) => (b ? 'true' : 'false')

/**
 * The census XML for a collection, element by element in the schema's order (cin-census.md §2;
 * the 2026–27 module 5 at the end of each CINdetails). Written in chunks as it goes (no document
 * tree is kept), so a large council's file costs little more memory than its text. Hearth's own ids
 * are never written.
 */
export function censusXml(
  children: CensusChild[],
  ctx: CensusContext,
  producedAt: Date,
  spec: { release: string; module5: boolean } = { release: '2026-27', module5: true },
): string {
  const chunks: string[] = []
  const b = createCB({ data: (chunk: string) => void chunks.push(chunk), prettyPrint: true })
  /** A leaf: written only when there is a value. */
  const leaf = (name: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== '') b.ele(name).txt(String(value)).up()
  }
  /** A container around what `inner` writes. */
  const box = (name: string, inner: () => void) => {
    b.ele(name)
    inner()
    b.up()
  }
  b.dec({ version: '1.0', encoding: 'UTF-8' })
  box('Message', () => {
    box('Header', () => {
      box('CollectionDetails', () => {
        leaf('Collection', 'CIN')
        leaf('Year', ctx.collectionYear)
        leaf('ReferenceDate', ctx.referenceDate)
      })
      box('Source', () => {
        leaf('SourceLevel', 'L')
        leaf('LEA', ctx.laCode)
        leaf('SoftwareCode', 'Hearth')
        leaf('Release', spec.release)
        leaf('SerialNo', '001')
        leaf('DateTime', producedAt.toISOString().slice(0, 19))
      })
    })
    box('Children', () => {
      for (const c of children)
        box('Child', () => {
          box('ChildIdentifiers', () => {
            leaf('LAchildID', c.laChildId)
            leaf('UPN', c.upn)
            leaf('UPNunknown', c.upn ? null : c.upnUnknown)
            leaf('PersonBirthDate', c.dateOfBirth)
            leaf('ExpectedPersonBirthDate', c.dateOfBirth ? null : c.expectedDateOfBirth)
            leaf('Sex', c.sex)
            leaf('PersonDeathDate', c.dateOfDeath)
          })
          box('ChildCharacteristics', () => {
            leaf('Ethnicity', c.ethnicity)
            if (c.disabilities.length)
              box('Disabilities', () => {
                for (const d of c.disabilities) leaf('Disability', d)
              })
          })
          for (const e of c.episodes)
            box('CINdetails', () => {
              leaf('CINreferralDate', e.referralDate)
              leaf('ReferralSource', e.referralSource)
              leaf('PrimaryNeedCode', e.primaryNeed)
              leaf('CINclosureDate', e.closureDate)
              leaf('ReasonForClosure', e.closureReason)
              for (const a of e.assessments)
                box('Assessments', () => {
                  leaf('AssessmentActualStartDate', a.startDate)
                  leaf('AssessmentAuthorisationDate', a.authorisationDate)
                  if (a.factors.length)
                    box('FactorsIdentifiedAtAssessment', () => {
                      for (const x of a.factors) leaf('AssessmentFactors', x)
                    })
                })
              for (const p of e.cinPlans)
                box('CINPlanDates', () => {
                  leaf('CINPlanStartDate', p.startDate)
                  leaf('CINPlanEndDate', p.endDate)
                })
              for (const s of e.section47s)
                box('Section47', () => {
                  leaf('S47ActualStartDate', s.startDate)
                  leaf('InitialCPCtarget', s.icpcTarget)
                  leaf('DateOfInitialCPC', s.icpcDate)
                  leaf('ICPCnotRequired', yesNo(s.icpcNotRequired))
                })
              leaf('ReferralNFA', yesNo(e.referralNfa))
              for (const p of e.cpPlans)
                box('ChildProtectionPlans', () => {
                  leaf('CPPstartDate', p.startDate)
                  leaf('CPPendDate', p.endDate)
                  leaf('InitialCategoryOfAbuse', p.initialCategory)
                  leaf('LatestCategoryOfAbuse', p.latestCategory)
                  leaf('NumberOfPreviousCPP', p.previousPlans)
                  if (p.reviewDates.length)
                    box('Reviews', () => {
                      for (const d of p.reviewDates) leaf('CPPreviewDate', d)
                    })
                })
              for (const p of spec.module5 ? e.preProceedings : [])
                box('PreProceedingsandFGDM', () => {
                  leaf('PPStartDate', p.startDate)
                  leaf('LBPSentDate', p.lbpSentDate)
                  if (p.fgdmOffered !== null) leaf('FGDMMeetingOffer', yesNo(p.fgdmOffered))
                  if (p.fgdmFacilitated !== null) leaf('FGDMMeetingFac', yesNo(p.fgdmFacilitated))
                  leaf('InitialPPMeetingDate', p.initialMeetingDate)
                  leaf('ReviewMeetingsCount', p.reviewMeetingsCount)
                  leaf('StepDecisionDate', p.stepDecisionDate)
                  leaf('PPOutcome', p.outcome)
                  leaf('CourtAppDate', p.courtApplicationDate)
                  leaf('LetterInitCPDate', p.letterInitiatingDate)
                })
            })
        })
    })
  })
  b.end()
  return chunks.join('')
}
