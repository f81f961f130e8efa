/**
 * UK postcodes. We hold them normalised: upper case, one space before the inward code.
 * A patch covers postcode districts ("NM1") or sectors ("NM1 4"); the most specific match wins.
 */
const FULL = /^([A-Z]{1,2}\d[A-Z\d]?) ?(\d[A-Z]{2})$/
const AREA_PART = /^([A-Z]{1,2}\d[A-Z\d]?)( \d)?$/

export function normalisePostcode(input: string): string | null {
  const compact = input.toUpperCase().replace(/\s+/g, '')
  const m = FULL.exec(compact)
  if (!m) return null
  return `${m[1]} ${m[2]}`
}

/** A district ("NM1") or sector ("NM1 4") a patch may cover. */
export function normalisePostcodeArea(input: string): string | null {
  const squeezed = input.toUpperCase().trim().replace(/\s+/g, ' ')
  const compact = squeezed.replace(/ /g, '')
  // sector written without a space: "NM14" is ambiguous (district NM14 or sector NM1 4); keep as district.
  const m = AREA_PART.exec(squeezed) ?? AREA_PART.exec(compact)
  if (!m) return null
  return m[2] ? `${m[1]}${m[2]}` : m[1]!
}

export function postcodeDistrict(postcode: string): string | null {
  const n = normalisePostcode(postcode)
  return n ? n.split(' ')[0]! : null
}

export function postcodeSector(postcode: string): string | null {
  const n = normalisePostcode(postcode)
  return n ? n.slice(0, n.indexOf(' ') + 2) : null
}

export interface PatchCoverage {
  id: string
  postcodeAreas: string[]
}

/** The patch for a postcode: a sector match beats a district match; none gives null. */
export function findPatchForPostcode<P extends PatchCoverage>(postcode: string, patches: P[]): P | null {
  const sector = postcodeSector(postcode)
  const district = postcodeDistrict(postcode)
  if (!sector || !district) return null
  let best: P | null = null
  let bestScore = 0
  for (const patch of patches) {
    for (const area of patch.postcodeAreas) {
      const score = area === sector ? 2 : area === district ? 1 : 0
      if (score > bestScore) {
        best = patch
        bestScore = score
      }
    }
  }
  return best
}
