/** Front-door code lists and rules (cin-census.md §3). */
export const REFERRAL_SOURCES = {
  '1A': 'Individual: family member, relative or carer',
  '1B': 'Individual: acquaintance (neighbours, childminders)',
  '1C': 'Individual: self',
  '1D': 'Individual: other (including strangers)',
  '2A': 'Schools',
  '2B': 'Education services',
  '3A': 'Health: GP',
  '3B': 'Health: health visitor',
  '3C': 'Health: school nurse',
  '3D': 'Health: other primary health',
  '3E': 'Health: A&E',
  '3F': 'Health: other (for example a hospice)',
  '4': 'Housing (council or housing association)',
  '5A': 'Council: social care (for example adult social care)',
  '5B': 'Council: another department (not housing)',
  '5C': 'Council: external (for example another council)',
  '5D': 'Council: early help',
  '6': 'Police',
  '7': 'Other legal agency (courts, probation, immigration, Cafcass, prison)',
  '8': 'Other (children’s centres, independent providers, voluntary sector)',
  '9': 'Anonymous',
  '10': 'Unknown',
} as const
export type ReferralSource = keyof typeof REFERRAL_SOURCES
export const REFERRAL_SOURCE_CODES = Object.keys(REFERRAL_SOURCES) as ReferralSource[]

/** Sources that are people or bodies outside the family: the referrer is a professional. */
export function isProfessionalSource(code: ReferralSource): boolean {
  return !['1A', '1B', '1C', '1D', '9', '10'].includes(code)
}

export const PRIMARY_NEED_CODES = {
  N1: 'Abuse or neglect',
  N2: 'Child’s disability',
  N3: 'Parental disability or illness',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
  N9: 'Cases other than children in need',
  N0: 'Not stated',
} as const
export type PrimaryNeedCode = keyof typeof PRIMARY_NEED_CODES
export const PRIMARY_NEED_CODE_LIST = Object.keys(PRIMARY_NEED_CODES) as PrimaryNeedCode[]

export const REFERRAL_DECISIONS = {
  nfa: 'No further action',
  information_advice: 'Information and advice',
  early_help: 'Early help',
  assessment: 'Assessment as a child in need (section 17)',
  strategy_discussion: 'Strategy discussion (section 47: safeguarding)',
} as const
export type ReferralDecision = keyof typeof REFERRAL_DECISIONS
export const REFERRAL_DECISION_LIST = Object.keys(REFERRAL_DECISIONS) as ReferralDecision[]

/** Decisions that put the family on a family-facing team's board. */
export function decisionNeedsTeam(d: ReferralDecision): boolean {
  return d === 'early_help' || d === 'assessment' || d === 'strategy_discussion'
}

/** The census wants a primary need code on every referral that is not NFA and goes to assessment. */
export function decisionNeedsPrimaryNeed(d: ReferralDecision): boolean {
  return d === 'assessment' || d === 'strategy_discussion'
}

export const FAMILY_CONSENT = {
  agreed: 'The family knows about the referral and agrees to it',
  aware_not_agreed: 'The family knows but does not agree',
  not_aware: 'The family does not know (say why in the worries)',
  unknown: 'Not known',
} as const
export type FamilyConsent = keyof typeof FAMILY_CONSENT
export const FAMILY_CONSENT_LIST = Object.keys(FAMILY_CONSENT) as FamilyConsent[]

/**
 * How soon a team must act on a decision: a safeguarding enquiry first, then an assessment, then
 * early help. A family waiting on a board is ordered by this, then by how long it has waited.
 */
export const DECISION_URGENCY: Record<ReferralDecision, number> = {
  strategy_discussion: 0,
  assessment: 1,
  early_help: 2,
  information_advice: 3,
  nfa: 4,
}

export function byUrgencyThenWaiting<T extends { decision: string | null; offeredAt: Date }>(a: T, b: T): number {
  const u = (d: string | null) => DECISION_URGENCY[d as ReferralDecision] ?? 5
  return u(a.decision) - u(b.decision) || a.offeredAt.getTime() - b.offeredAt.getTime()
}
