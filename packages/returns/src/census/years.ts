/**
 * Each collection year Hearth can produce, as data: its schema file, whether it has module 5
 * (pre-proceedings, from 2026–27) and the rules that apply. A new year is a new entry (and an XSD
 * beside the others), not new code; a rule new that year is a new function in rules.ts.
 */
export interface CensusYearSpec {
  collectionYear: number
  label: string
  /** The XSD in packages/returns/schema. */
  xsd: string
  release: string
  module5: boolean
  rules: readonly string[]
}

const CORE = [
  '8500',
  '1570',
  '1580',
  '1510',
  '1530',
  '4180',
  '8750',
  '4220',
  '8520',
  '8525Q',
  '8530Q',
  '8540',
  '8790',
  '8794',
  '8535Q',
  '8545Q',
  '8555Q',
  '8585Q',
  '8772',
  '8775Q',
  '8590',
  '8600',
  '8606',
  '8866',
  '8610',
  '8650',
  '8620',
  '8630',
  '8640',
  '8805',
  '8810',
  '8815',
  '8816',
  '8820',
  '8565',
  '8831',
  '2990',
  '8825Q',
  '1103',
  '8608',
  '8614',
  '8897Q',
  '8898',
  '8869',
  '8873Q',
  '8899',
  '8945Q',
  '8950Q',
  '8896',
  '8736',
  '8696',
  '8670Q',
  '8867',
  '8615',
  '8839',
  '8740',
  '8715',
  '8675Q',
  '8870Q',
  '8875',
  '8868',
  '2885',
  '8720',
  '8930',
  '8925',
  '8840',
  '8935',
  '8940',
  '8915',
  '8920',
  '8905',
  '8910',
  '8730',
  '8841',
  '4001',
  '4004',
  '4014',
  '4010',
  '4011',
  '4013',
  '4012Q',
  '4008',
  '4009Q',
  '8510',
  '1520',
  '8832',
  '4000',
  '8569Q',
  '2991Q',
  '8770Q',
  '100',
  '2883',
  '2886Q',
  '2887Q',
  '2888Q',
] as const
const MODULE_5 = ['9005', '9006', '9007', '9008', '9009', '9010Q', '9011', '9012', '9013', '8995Q'] as const

export const CENSUS_YEARS: Record<number, CensusYearSpec> = {
  2026: {
    collectionYear: 2026,
    label: '2025–26',
    xsd: 'cin-2025-26.xsd',
    release: '2025-26',
    module5: false,
    rules: CORE,
  },
  2027: {
    collectionYear: 2027,
    label: '2026–27',
    xsd: 'cin-2026-27.xsd',
    release: '2026-27',
    module5: true,
    rules: [...CORE, ...MODULE_5],
  },
}

/**
 * The specification for a collection year: its own, or (for a later year whose specification is
 * not yet added) the latest Hearth holds, so in-year checks go on; none before the earliest.
 */
export function censusYear(collectionYear: number): CensusYearSpec | null {
  const held = Object.keys(CENSUS_YEARS)
    .map(Number)
    .filter((y) => y <= collectionYear)
  return held.length ? CENSUS_YEARS[Math.max(...held)]! : null
}
