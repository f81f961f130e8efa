/** CIN census code lists Hearth records on the child (cin-census.md §3). */
export const ETHNICITY_CODES = [
  'WBRI',
  'WIRI',
  'WIRT',
  'WOTH',
  'WROM',
  'MWBC',
  'MWBA',
  'MWAS',
  'MOTH',
  'AIND',
  'APKN',
  'ABAN',
  'AOTH',
  'BCRB',
  'BAFR',
  'BOTH',
  'CHNE',
  'OOTH',
  'REFU',
  'NOBT',
] as const
export type EthnicityCode = (typeof ETHNICITY_CODES)[number]

export const SEX_CODES = ['M', 'F', 'U'] as const
export type SexCode = (typeof SEX_CODES)[number]

export const RELATIONSHIP_KINDS = [
  'parent',
  'step_parent',
  'carer',
  'grandparent',
  'sibling',
  'other_relative',
  'friend',
  'neighbour',
  'professional',
  'other',
] as const
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number]
