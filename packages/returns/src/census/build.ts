import type { CaseStep, StepDetails } from '@hearth/domain/case-steps'
import { addWorkingDays, type HolidaySet } from '@hearth/domain/working-days'
import type { CensusChild, CensusContext, CensusEpisode } from './model'

/** What the census reads about one child from Hearth's records. */
export interface ChildRecords {
  child: {
    id: string
    familyId: string
    laChildId: string
    upn: string | null
    upnUnknown: string | null
    dateOfBirth: string | null
    expectedDateOfBirth: string | null
    sex: string
    dateOfDeath: string | null
    ethnicity: string
    disabilities: string[]
  }
  steps: CaseStep[]
  assessments: { startedOn: string; authorisedOn: string | null; factors: string[] }[]
  /** Referrals about the child's family decided "no further action", by the date received. */
  nfaReferrals: { receivedOn: string; source: string; primaryNeed: string | null }[]
}

const of = <K extends CaseStep['kind']>(steps: CaseStep[], k: K) =>
  steps.filter((s): s is CaseStep<K> => s.kind === k).sort((a, b) => a.on.localeCompare(b.on))
const upTo = (d: string | null, ref: string) => (d && d <= ref ? d : null)

/**
 * The child as the census sees them for a collection, or null when nothing of theirs falls in it:
 * every episode open at any time in the year (referred on or before 31 March and not closed before
 * 1 April), and every referral with no further action received in the year. What happened after
 * 31 March is left out.
 */
export function buildCensusChild(r: ChildRecords, ctx: CensusContext, holidays: HolidaySet): CensusChild | null {
  const ref = ctx.referenceDate
  const inYear = (e: { on: string; endOn: string | null }) =>
    e.on <= ref && (e.endOn === null || e.endOn >= ctx.periodStart)
  const episodes: CensusEpisode[] = []
  const allPlans = of(r.steps, 'cp_plan')
  for (const e of of(r.steps, 'episode').filter(inYear)) {
    const d = e.details as StepDetails['episode']
    const closure = upTo(e.endOn, ref)
    const last = closure ?? ref
    const within = (on: string) => on >= e.on && on <= last
    const conferences = of(r.steps, 'conference').filter((c) => within(c.on))
    episodes.push({
      referralDate: e.on,
      referralSource: d.referralSource,
      primaryNeed: d.primaryNeed,
      closureDate: closure,
      closureReason: closure ? d.closureReason : null,
      referralNfa: false,
      // what the year covers: open at its start or begun in it (rules 8696, 8715, 8930, 4013, 9005)
      assessments: r.assessments
        .filter((a) => within(a.startedOn) && (!a.authorisedOn || a.authorisedOn >= ctx.periodStart))
        .map((a) => {
          const done = upTo(a.authorisedOn, ref)
          return { startDate: a.startedOn, authorisationDate: done, factors: done ? a.factors : [] }
        }),
      cinPlans: of(r.steps, 'cin_plan')
        .filter((p) => within(p.on) && (!p.endOn || p.endOn >= ctx.periodStart))
        .map((p) => ({ startDate: p.on, endDate: upTo(p.endOn, ref) })),
      section47s: of(r.steps, 's47')
        .filter((s) => within(s.on))
        .map((s) => ({ s, icpc: conferences.find((c) => c.details.type === 'initial' && c.on >= s.on) }))
        .filter(({ s, icpc }) =>
          icpc ? icpc.on >= ctx.periodStart : s.on >= ctx.periodStart || s.details.icpcRequired !== false,
        )
        .map(({ s, icpc }) => {
          return {
            startDate: s.on,
            icpcTarget: addWorkingDays(s.on, 15, holidays),
            icpcDate: icpc?.on ?? null,
            icpcNotRequired: s.details.icpcRequired === false,
          }
        }),
      cpPlans: allPlans
        .filter((p) => within(p.on) && (!p.endOn || p.endOn >= ctx.periodStart))
        .map((p) => {
          const end = upTo(p.endOn, ref)
          return {
            startDate: p.on,
            endDate: end,
            initialCategory: p.details.category,
            latestCategory: p.details.latestCategory ?? p.details.category,
            previousPlans: allPlans.filter((x) => x.on < p.on).length,
            reviewDates: conferences
              .filter((c) => c.details.type === 'review' && c.on > p.on && c.on <= (end ?? ref))
              .map((c) => c.on),
          }
        }),
      // module 5 is new in 2026–27: pre-proceedings begun in the year (rule 9005)
      preProceedings: of(r.steps, 'pre_proceedings')
        .filter((p) => within(p.on) && p.on >= ctx.periodStart)
        .map((p) => {
          const x = p.details
          return {
            startDate: p.on,
            lbpSentDate: upTo(x.lbpSentOn, ref),
            fgdmOffered: x.lbpSentOn && x.lbpSentOn <= ref ? x.fgdmOffered : null,
            fgdmFacilitated: x.fgdmOffered ? !!upTo(x.fgdmFacilitatedOn, ref) : null,
            initialMeetingDate: upTo(x.initialMeetingOn, ref),
            reviewMeetingsCount: x.reviewMeetingDates.filter((m) => m <= ref).length,
            stepDecisionDate: upTo(x.stepDecisionOn, ref),
            outcome: p.endOn && p.endOn <= ref ? x.outcome : null,
            courtApplicationDate: upTo(x.courtApplicationOn, ref),
            letterInitiatingDate: upTo(x.letterInitiatingOn, ref),
          }
        }),
    })
  }
  for (const n of r.nfaReferrals) {
    if (n.receivedOn < ctx.periodStart || n.receivedOn > ref) continue
    episodes.push({
      referralDate: n.receivedOn,
      referralSource: n.source,
      primaryNeed: n.primaryNeed,
      closureDate: null,
      closureReason: null,
      referralNfa: true,
      assessments: [],
      cinPlans: [],
      section47s: [],
      cpPlans: [],
      preProceedings: [],
    })
  }
  if (!episodes.length) return null
  episodes.sort((a, b) => a.referralDate.localeCompare(b.referralDate))
  const c = r.child
  return {
    childId: c.id,
    familyId: c.familyId,
    laChildId: c.laChildId,
    upn: c.upn,
    upnUnknown: c.upnUnknown,
    dateOfBirth: c.dateOfBirth,
    expectedDateOfBirth: c.dateOfBirth ? null : c.expectedDateOfBirth,
    sex: c.sex,
    dateOfDeath: c.dateOfDeath,
    ethnicity: c.ethnicity,
    disabilities: c.disabilities,
    episodes,
  }
}

/** The collection for the year ending 31 March `year` (2027 for 2026–27). */
export function censusContext(year: number, laCode: string): CensusContext {
  return { collectionYear: year, referenceDate: `${year}-03-31`, periodStart: `${year - 1}-04-01`, laCode }
}
