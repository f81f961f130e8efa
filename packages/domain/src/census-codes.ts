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

/** Census disability codes (cin-census.md §3): NONE goes alone (8790); none repeats (8794). */
export const DISABILITIES = {
  NONE: 'No disability',
  MOB: 'Mobility',
  HAND: 'Hand function',
  PC: 'Personal care',
  INC: 'Incontinence',
  COMM: 'Communication',
  LD: 'Learning',
  HEAR: 'Hearing',
  VIS: 'Vision',
  BEH: 'Behaviour',
  CON: 'Consciousness',
  AUT: 'Autism',
  DDA: 'Another disability (not recorded which)',
} as const
export type DisabilityCode = keyof typeof DISABILITIES
export const DISABILITY_CODES = Object.keys(DISABILITIES) as DisabilityCode[]

/** Why a child's UPN is not known (CBDS code set CS051). */
export const UPN_UNKNOWN = {
  UN1: 'Under 6 and no UPN assigned yet',
  UN2: 'Never attended a maintained school in England',
  UN3: 'Educated outside England',
  UN4: 'Newly in need in the last week of the period; UPN not yet known',
  UN5: 'UPN sources disagree (name or date of birth mismatch, duplicate)',
  UN6: 'Not looked after, and the council cannot obtain the UPN',
  UN7: 'Referral with no further action',
} as const
export type UpnUnknownCode = keyof typeof UPN_UNKNOWN
export const UPN_UNKNOWN_CODES = Object.keys(UPN_UNKNOWN) as UpnUnknownCode[]

/** The census collection year a day falls in, named by the year it ends (31 March): 2027 for 2026–27. */
export function collectionYearOf(day: string): number {
  return Number(day.slice(0, 4)) + (day.slice(5) >= '04-01' ? 1 : 0)
}
