import { create } from 'xmlbuilder2'
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces'
import type { CensusChild, CensusContext } from './model'

/** Optional element: written only when there is a value. */
function opt(parent: XMLBuilder, name: string, value: string | number | null | undefined) {
  if (value !== null && value !== undefined && value !== '') parent.ele(name).txt(String(value))
}
const yesNo = (b: boolean) => (b ? 'true' : 'false')

/**
 * The census XML for a collection, element by element in the schema's order (cin-census.md §2;
 * the 2026–27 module 5 at the end of each CINdetails). Hearth's own ids are never written.
 */
export function censusXml(children: CensusChild[], ctx: CensusContext, producedAt: Date): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' })
  const msg = doc.ele('Message')
  const header = msg.ele('Header')
  const coll = header.ele('CollectionDetails')
  coll.ele('Collection').txt('CIN')
  coll.ele('Year').txt(String(ctx.collectionYear))
  coll.ele('ReferenceDate').txt(ctx.referenceDate)
  const source = header.ele('Source')
  source.ele('SourceLevel').txt('L')
  source.ele('LEA').txt(ctx.laCode)
  source.ele('SoftwareCode').txt('Hearth')
  source.ele('Release').txt('2026-27')
  source.ele('SerialNo').txt('001')
  source.ele('DateTime').txt(producedAt.toISOString().slice(0, 19))
  const list = msg.ele('Children')
  for (const c of children) {
    const child = list.ele('Child')
    const ids = child.ele('ChildIdentifiers')
    ids.ele('LAchildID').txt(c.laChildId)
    opt(ids, 'UPN', c.upn)
    opt(ids, 'UPNunknown', c.upn ? null : c.upnUnknown)
    opt(ids, 'PersonBirthDate', c.dateOfBirth)
    opt(ids, 'ExpectedPersonBirthDate', c.dateOfBirth ? null : c.expectedDateOfBirth)
    ids.ele('Sex').txt(c.sex)
    opt(ids, 'PersonDeathDate', c.dateOfDeath)
    const chars = child.ele('ChildCharacteristics')
    chars.ele('Ethnicity').txt(c.ethnicity)
    if (c.disabilities.length) {
      const ds = chars.ele('Disabilities')
      for (const d of c.disabilities) ds.ele('Disability').txt(d)
    }
    for (const e of c.episodes) {
      const cin = child.ele('CINdetails')
      cin.ele('CINreferralDate').txt(e.referralDate)
      cin.ele('ReferralSource').txt(e.referralSource)
      opt(cin, 'PrimaryNeedCode', e.primaryNeed)
      opt(cin, 'CINclosureDate', e.closureDate)
      opt(cin, 'ReasonForClosure', e.closureReason)
      for (const a of e.assessments) {
        const el = cin.ele('Assessments')
        el.ele('AssessmentActualStartDate').txt(a.startDate)
        opt(el, 'AssessmentAuthorisationDate', a.authorisationDate)
        if (a.factors.length) {
          const f = el.ele('FactorsIdentifiedAtAssessment')
          for (const x of a.factors) f.ele('AssessmentFactors').txt(x)
        }
      }
      for (const p of e.cinPlans) {
        const el = cin.ele('CINPlanDates')
        el.ele('CINPlanStartDate').txt(p.startDate)
        opt(el, 'CINPlanEndDate', p.endDate)
      }
      for (const s of e.section47s) {
        const el = cin.ele('Section47')
        el.ele('S47ActualStartDate').txt(s.startDate)
        el.ele('InitialCPCtarget').txt(s.icpcTarget)
        opt(el, 'DateOfInitialCPC', s.icpcDate)
        el.ele('ICPCnotRequired').txt(yesNo(s.icpcNotRequired))
      }
      cin.ele('ReferralNFA').txt(yesNo(e.referralNfa))
      for (const p of e.cpPlans) {
        const el = cin.ele('ChildProtectionPlans')
        el.ele('CPPstartDate').txt(p.startDate)
        opt(el, 'CPPendDate', p.endDate)
        el.ele('InitialCategoryOfAbuse').txt(p.initialCategory)
        el.ele('LatestCategoryOfAbuse').txt(p.latestCategory)
        el.ele('NumberOfPreviousCPP').txt(String(p.previousPlans))
        if (p.reviewDates.length) {
          const r = el.ele('Reviews')
          for (const d of p.reviewDates) r.ele('CPPreviewDate').txt(d)
        }
      }
      for (const p of e.preProceedings) {
        const el = cin.ele('PreProceedingsandFGDM')
        el.ele('PPStartDate').txt(p.startDate)
        opt(el, 'LBPSentDate', p.lbpSentDate)
        if (p.fgdmOffered !== null) el.ele('FGDMMeetingOffer').txt(yesNo(p.fgdmOffered))
        if (p.fgdmFacilitated !== null) el.ele('FGDMMeetingFac').txt(yesNo(p.fgdmFacilitated))
        opt(el, 'InitialPPMeetingDate', p.initialMeetingDate)
        el.ele('ReviewMeetingsCount').txt(String(p.reviewMeetingsCount))
        opt(el, 'StepDecisionDate', p.stepDecisionDate)
        opt(el, 'PPOutcome', p.outcome)
        opt(el, 'CourtAppDate', p.courtApplicationDate)
        opt(el, 'LetterInitCPDate', p.letterInitiatingDate)
      }
    }
  }
  return doc.end({ prettyPrint: true })
}
