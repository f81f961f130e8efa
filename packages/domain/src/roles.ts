/** The roles a person can hold; a person may hold more than one. */
export const ROLES = [
  'practitioner',
  'referral_officer',
  'enabler',
  'insight_adviser',
  'strategy_member',
  'administrator',
  'information_governance',
] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  practitioner: 'Practitioner (social worker)',
  referral_officer: 'Referral officer',
  enabler: 'Enabler',
  insight_adviser: 'Insight adviser',
  strategy_member: 'Strategy member',
  administrator: 'Administrator',
  information_governance: 'Information governance officer',
}

export const TEAM_KINDS = ['family_facing', 'referral', 'enabler', 'insight', 'strategy'] as const
export type TeamKind = (typeof TEAM_KINDS)[number]

export const TEAM_KIND_LABELS: Record<TeamKind, string> = {
  family_facing: 'Family-facing team',
  referral: 'Referral team',
  enabler: 'Enabler team',
  insight: 'Insight team',
  strategy: 'Strategy team',
}

/** Default most children a practitioner holds as lead (the team may change it). */
export const DEFAULT_CAP = 14
