import { type CareEpisode, periodsOfCare } from './care-episodes'
import {
  type CaseStep,
  LEGAL_STATUSES,
  type LegalStatus,
  PLACEMENT_TYPES,
  type PlacementType,
  type StepDetails,
} from './case-steps'
import { PROVIDER_CODES } from './ssda903-codes'

/**
 * A looked-after child on one page (#34): the period of care they are in, its legal status and
 * placement, the care plan, health, education, reviews and times missing, worked out from the
 * child's steps. A period of care is an unbroken run of being looked after (SSDA903); here it is
 * the latest `looked_after` step and what happened during it.
 */
export interface InCare {
  lookedAfter: {
    stepId: string
    since: string
    until: string | null
    legalStatus: LegalStatus
    legalStatusLabel: string
    careLeaver: boolean
  } | null
  /** Every time the child has been looked after, this one included. */
  periodsOfCare: number
  placement: {
    stepId: string
    since: string
    type: PlacementType
    typeLabel: string
    provider: string | null
    providerLabel: string | null
    postcode: string | null
    inArea: boolean
    untilEighteen: boolean
  } | null
  /** This period of care's episodes as the looked-after return will count them. */
  episodes: CareEpisode[]
  /** Placements in this period of care, this one included. */
  placementsThisPeriod: number
  carePlanAgreedOn: string | null
  health: {
    lastAssessment: { on: string; type: 'initial' | 'review' } | null
    lastDentalCheck: string | null
  }
  education: { lastPlan: { on: string; type: 'initial' | 'review' } | null }
  reviews: { last: string | null; held: number }
  /** Times missing or away in this period of care, newest first. */
  missing: {
    stepId: string
    from: string
    to: string | null
    kind: 'missing' | 'away'
    returnInterview: 'held' | 'declined' | null
    returnInterviewOn: string | null
  }[]
}

const latest = <T extends { on: string }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => a.on.localeCompare(b.on)).at(-1) ?? null

export function inCare(steps: readonly CaseStep[]): InCare {
  const of = <K extends keyof StepDetails>(k: K) => steps.filter((s): s is CaseStep<K> => s.kind === k)
  const periods = of('looked_after')
  const la = latest(periods)
  const inPeriod = (s: CaseStep) => la !== null && s.on >= la.on && (la.endOn === null || s.on <= la.endOn)
  const placements = of('placement').filter(inPeriod)
  const current = latest(placements.filter((p) => p.endOn === null)) ?? latest(placements)
  const health = latest(of('health_assessment').filter(inPeriod))
  const pep = latest(of('pep').filter(inPeriod))
  const reviews = of('lac_review').filter(inPeriod)
  return {
    lookedAfter: la && {
      stepId: la.id,
      since: la.on,
      until: la.endOn,
      legalStatus: la.details.legalStatus,
      legalStatusLabel: LEGAL_STATUSES[la.details.legalStatus] ?? la.details.legalStatus,
      careLeaver: la.details.careLeaver,
    },
    periodsOfCare: periods.length,
    placement: current && {
      stepId: current.id,
      since: current.on,
      type: current.details.type,
      typeLabel: PLACEMENT_TYPES[current.details.type] ?? current.details.type,
      provider: current.details.provider ?? null,
      providerLabel: current.details.provider ? PROVIDER_CODES[current.details.provider] : null,
      postcode: current.details.postcode ?? null,
      inArea: current.details.inArea,
      untilEighteen: current.details.untilEighteen ?? false,
    },
    episodes: la ? (periodsOfCare(steps).find((p) => p.lookedAfterStepId === la.id)?.episodes ?? []) : [],
    placementsThisPeriod: placements.length,
    carePlanAgreedOn: latest(of('care_plan').filter(inPeriod))?.on ?? null,
    health: {
      lastAssessment: health && { on: health.on, type: health.details.type },
      lastDentalCheck: latest(of('dental_check').filter(inPeriod))?.on ?? null,
    },
    education: { lastPlan: pep && { on: pep.on, type: pep.details.type } },
    reviews: { last: latest(reviews)?.on ?? null, held: reviews.length },
    missing: of('missing_episode')
      .filter(inPeriod)
      .sort((a, b) => b.on.localeCompare(a.on))
      .map((m) => ({
        stepId: m.id,
        from: m.on,
        to: m.endOn,
        kind: m.details.kind,
        returnInterview: m.details.returnInterview,
        returnInterviewOn: m.details.returnInterviewOn,
      })),
  }
}
