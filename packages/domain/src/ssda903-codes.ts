/**
 * The looked-after return's (SSDA903) code lists for placements and periods of care, 2026–27
 * (ssda903.md §2, from the D2I validator's 2026–27 rules). A placement is recorded with the
 * return's own codes so the return is built from what was recorded, not translated at year end.
 */

/** PLACE: the placement type. Z11–Z14 replaced Z1 in 2025–26; the DfE's words for them are not in the material here. */
export const PLACE_CODES = {
  U1: 'Fostered with a relative or friend: long-term',
  U2: 'Fostered with a relative or friend who is an approved adopter (fostering for adoption or concurrent planning)',
  U3: 'Fostered with a relative or friend: not long-term or fostering for adoption',
  U4: 'Fostered with another carer: long-term',
  U5: 'Fostered with another carer who is an approved adopter (fostering for adoption or concurrent planning)',
  U6: 'Fostered with another carer: not long-term or fostering for adoption',
  A3: 'Placed for adoption with consent, with the current foster carers',
  A4: 'Placed for adoption with consent, not with the current foster carers',
  A5: 'Placed for adoption under a placement order, with the current foster carers',
  A6: 'Placed for adoption under a placement order, not with the current foster carers',
  K1: 'Secure children’s home',
  K2: 'Children’s home',
  K3: 'Registered supported accommodation (16 and over)',
  P1: 'With their own parents or another person with parental responsibility',
  P3: 'Residential employment',
  R1: 'Residential care home',
  R2: 'NHS or other health or nursing establishment',
  R3: 'Family centre or mother and baby unit',
  R5: 'Young offender institution or prison',
  S1: 'Residential school',
  T0: 'A temporary move',
  T1: 'Temporarily in hospital',
  T2: 'Temporarily away on holiday',
  T3: 'Temporary placement while the usual foster carer is on holiday',
  T4: 'Temporary placement of 7 days or less, another reason',
  Z11: 'Another placement (code Z11)',
  Z12: 'Another placement (code Z12)',
  Z13: 'Another placement (code Z13)',
  Z14: 'Another placement (code Z14)',
} as const
export type PlaceCode = keyof typeof PLACE_CODES
export const PLACE_CODE_LIST = Object.keys(PLACE_CODES) as PlaceCode[]

/** PLACE_PROVIDER: who provides the placement. */
export const PROVIDER_CODES = {
  PR0: 'Parents or another person with parental responsibility',
  PR1: 'The council’s own provision (including a regional adoption agency it hosts)',
  PR2: 'Another council’s provision',
  PR3: 'Other public provision, such as the NHS',
  PR4: 'A private provider',
  PR5: 'A voluntary or third-sector provider',
} as const
export type ProviderCode = keyof typeof PROVIDER_CODES
export const PROVIDER_CODE_LIST = Object.keys(PROVIDER_CODES) as ProviderCode[]

/** REC: why a period of care ended (X1, an episode ending and another starting the same day, is Hearth's to work out). */
export const CARE_ENDED_REASONS = {
  E11: 'Adopted: the application was not opposed',
  E12: 'Adopted: consent was dispensed with by the court',
  E2: 'Died',
  E3: 'Care taken over by another council in the UK',
  E4A: 'Went home to parents, relatives or another person with parental responsibility, as planned',
  E4B: 'Went home to parents, relatives or another person with parental responsibility, not as planned',
  E13: 'Went to live with parents, relatives or another person without parental responsibility',
  E41: 'A child arrangements order (lives with) or residence order',
  E45: 'Special guardianship order to former foster carers who are relatives or friends',
  E46: 'Special guardianship order to former foster carers who are not relatives or friends',
  E47: 'Special guardianship order to relatives or friends who were not the foster carers',
  E48: 'Special guardianship order to others who were not the foster carers',
  E5: 'Moved to independent living with formal support',
  E6: 'Moved to independent living without formal support',
  E7: 'Moved to residential care funded by adult social care',
  E8: 'Another reason',
  E9: 'Sentenced to custody',
  E14: 'Accommodation on remand ended',
  E15: 'An age assessment found them to be 18 or over',
  E16: 'Moved abroad',
  E17: 'Aged 18 or over and stayed with the same carers (including staying put)',
} as const
export type CareEndedReason = keyof typeof CARE_ENDED_REASONS
export const CARE_ENDED_REASON_LIST = Object.keys(CARE_ENDED_REASONS) as CareEndedReason[]

/** REASON_PLACE_CHANGE: why a placement ended when the child moved. */
export const PLACE_CHANGE_REASONS = {
  CARPL: 'The care plan changed, or was carried out',
  CLOSE: 'The carer resigned or the provision closed',
  ALLEG: 'An allegation (section 47)',
  STAND: 'A concern about the standard of care',
  APPRR: 'The carer’s approval was removed',
  CREQB: 'The carer asked for it to end because of the child’s behaviour',
  CREQO: 'The carer asked for it to end, another reason',
  CHILD: 'The child asked for it to end',
  LAREQ: 'The responsible or area council asked for it to end',
  PLACE: 'Only the placement’s status changed',
  CUSTOD: 'A custody arrangement',
  OTHER: 'Another reason',
} as const
export type PlaceChangeReason = keyof typeof PLACE_CHANGE_REASONS
export const PLACE_CHANGE_REASON_LIST = Object.keys(PLACE_CHANGE_REASONS) as PlaceChangeReason[]

/** REVIEW_CODE: how the child took part in their looked-after review. */
export const REVIEW_PARTICIPATION = {
  PN0: 'Under 4 at the time of the review',
  PN1: 'Came and spoke for themselves',
  PN2: 'Came; an advocate or the reviewing officer spoke for them',
  PN3: 'Came and gave their views without words',
  PN4: 'Came but did not give their views',
  PN5: 'Did not come; briefed an advocate or the reviewing officer',
  PN6: 'Did not come; gave their views another way (letter, text, phone, video or Viewpoint)',
  PN7: 'Did not come, and their views were not given',
} as const
export type ReviewParticipation = keyof typeof REVIEW_PARTICIPATION
export const REVIEW_PARTICIPATION_LIST = Object.keys(REVIEW_PARTICIPATION) as ReviewParticipation[]

/** RNE: why a new episode of care started. */
export const NEW_EPISODE_REASONS = {
  S: 'Started to be looked after',
  L: 'Legal status changed',
  P: 'Placement and carers changed',
  T: 'Placement changed, same carers',
  B: 'Legal status, placement and carers changed',
  U: 'Legal status and placement changed, same carers',
} as const
export type NewEpisodeReason = keyof typeof NEW_EPISODE_REASONS

const TEMPORARY: ReadonlySet<string> = new Set(['T0', 'T1', 'T2', 'T3', 'T4'])
const NO_PROVIDER: ReadonlySet<string> = new Set([...TEMPORARY, 'Z11', 'Z12', 'Z13', 'Z14'])
export const isTemporaryPlacement = (place: string) => TEMPORARY.has(place)

/**
 * What is wrong with a placement's provider for its type (rules 178, 213, 526, 550, 527–531), in
 * words, or null. Checked when the placement is recorded, so the return never meets it.
 */
export function providerProblem(place: PlaceCode, provider: ProviderCode | null): string | null {
  if (NO_PROVIDER.has(place))
    return provider ? 'a temporary move or another placement (Z11 to Z14) has no provider' : null
  if (!provider) return 'choose who provides the placement'
  if (provider === 'PR0' && place !== 'P1') return 'parents provide only a placement with parents (P1)'
  if (place === 'P1' && provider !== 'PR0') return 'a placement with parents is provided by the parents'
  if ((provider === 'PR1' || provider === 'PR2') && ['R2', 'R5'].includes(place))
    return 'a health setting or a young offender institution is not a council’s own provision'
  if (provider === 'PR3' && /^(A[3-6]|K1|K2|U[1-6])$/.test(place))
    return 'other public provision does not provide fostering, adoption or children’s homes'
  return null
}
