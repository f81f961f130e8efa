/**
 * The Children in Need census as Hearth holds it for one child (cin-census.md §2): the child's
 * identifiers and characteristics and one `CINdetails` per episode of need, each with its
 * assessments, child in need plans, section 47 enquiries, child protection plans and (from 2026–27)
 * pre-proceedings. Built from Hearth's records (build.ts); checked by the rules (rules.ts); written
 * as XML in schema order (xml.ts).
 */
export interface CensusAssessment {
  startDate: string
  authorisationDate: string | null
  factors: string[]
}

export interface CensusCinPlan {
  startDate: string
  endDate: string | null
}

export interface CensusSection47 {
  startDate: string
  /** 15 working days from the start (the census's proxy for the strategy discussion). */
  icpcTarget: string
  icpcDate: string | null
  icpcNotRequired: boolean
}

export interface CensusCpPlan {
  startDate: string
  endDate: string | null
  initialCategory: string
  latestCategory: string
  previousPlans: number
  reviewDates: string[]
}

export interface CensusPreProceedings {
  startDate: string
  lbpSentDate: string | null
  fgdmOffered: boolean | null
  fgdmFacilitated: boolean | null
  initialMeetingDate: string | null
  reviewMeetingsCount: number
  stepDecisionDate: string | null
  outcome: string | null
  courtApplicationDate: string | null
  letterInitiatingDate: string | null
}

export interface CensusEpisode {
  referralDate: string
  referralSource: string
  primaryNeed: string | null
  closureDate: string | null
  closureReason: string | null
  referralNfa: boolean
  assessments: CensusAssessment[]
  cinPlans: CensusCinPlan[]
  section47s: CensusSection47[]
  cpPlans: CensusCpPlan[]
  preProceedings: CensusPreProceedings[]
}

export interface CensusChild {
  /** Hearth's own id, for links in the report (never written to the XML). */
  childId: string
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
  episodes: CensusEpisode[]
}

/** One collection: its year, dates and the council's code. */
export interface CensusContext {
  collectionYear: number
  /** 31 March at the end of the year. */
  referenceDate: string
  /** 1 April at its start. */
  periodStart: string
  laCode: string
}
