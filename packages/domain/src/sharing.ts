/**
 * Information-sharing decisions (Children's Wellbeing and Schools Act 2026, s.4): a decision to
 * share, or not to share, information about a child with another agency, with what, with whom,
 * why (the child's welfare), by whom and when. Kept as recorded; a later decision is a new record.
 */
export const SHARING_DECISIONS = { share: 'Shared', withhold: 'Not shared' } as const
export type SharingDecision = keyof typeof SHARING_DECISIONS
export const SHARING_DECISION_LIST = Object.keys(SHARING_DECISIONS) as SharingDecision[]

export const SHARING_RECIPIENT_KINDS = {
  police: 'Police',
  health: 'Health (GP, health visitor, hospital)',
  education: 'School or education',
  other_council: 'Another council',
  probation: 'Probation or youth justice',
  voluntary: 'A voluntary or community organisation',
  other: 'Other',
} as const
export type SharingRecipientKind = keyof typeof SHARING_RECIPIENT_KINDS
export const SHARING_RECIPIENT_KIND_LIST = Object.keys(SHARING_RECIPIENT_KINDS) as SharingRecipientKind[]
