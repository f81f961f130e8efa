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

/** The census ethnicity codes in words (DfE's descriptions), for screens: never the code alone. */
export const ETHNICITY_LABELS: Record<EthnicityCode, string> = {
  WBRI: 'White British',
  WIRI: 'White Irish',
  WIRT: 'Traveller of Irish heritage',
  WOTH: 'Any other White background',
  WROM: 'Gypsy or Roma',
  MWBC: 'White and Black Caribbean',
  MWBA: 'White and Black African',
  MWAS: 'White and Asian',
  MOTH: 'Any other mixed background',
  AIND: 'Indian',
  APKN: 'Pakistani',
  ABAN: 'Bangladeshi',
  AOTH: 'Any other Asian background',
  BCRB: 'Black Caribbean',
  BAFR: 'Black African',
  BOTH: 'Any other Black background',
  CHNE: 'Chinese',
  OOTH: 'Any other ethnic group',
  REFU: 'Refused',
  NOBT: 'Information not yet obtained',
}

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
