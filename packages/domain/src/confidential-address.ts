import { postcodeDistrict } from './postcode'

/**
 * Confidential addresses: a family living in a refuge, or where a parent must not find them. The
 * address is shown only to the staff named on it; everyone else, every letter, every family link
 * and every list sees it withheld.
 */
export interface AddressHolder {
  addressLine1: string
  addressLine2: string | null
  town: string
  postcode: string
  addressConfidential: boolean
  addressShownTo: string[]
}

export const WITHHELD = 'Confidential address'

export function addressVisibleTo(
  f: Pick<AddressHolder, 'addressConfidential' | 'addressShownTo'>,
  personId: string | null,
) {
  return !f.addressConfidential || (!!personId && f.addressShownTo.includes(personId))
}

/** The address as this person may see it: withheld but for the postcode's district. */
export function addressFor<T extends AddressHolder>(f: T, personId: string | null): T {
  if (addressVisibleTo(f, personId)) return f
  return {
    ...f,
    addressLine1: WITHHELD,
    addressLine2: null,
    town: 'Withheld',
    postcode: postcodeDistrict(f.postcode) ?? 'Withheld',
  }
}

/** Whether a place written in words (a visit's "where") gives the address away. */
export function placeGivesAway(place: string, f: Pick<AddressHolder, 'addressLine1' | 'postcode'>): boolean {
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')
  const p = squash(place)
  const line = squash(f.addressLine1)
  return (line.length >= 4 && p.includes(line)) || p.includes(squash(f.postcode))
}

/** A confidential address as the masking needs it: its first line and postcode. */
export type ConfidentialPlace = Pick<AddressHolder, 'addressLine1' | 'postcode'>

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')
/** "NM1 4QQ" → a pattern that finds it however it is spaced or punctuated ("nm14qq", "NM1-4QQ"). */
const loosely = (s: string) =>
  squash(s)
    .split('')
    .map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^a-z0-9]*')

/**
 * One masking for every answer that leaves the API: any text that gives away a confidential
 * address (its first line, or its full postcode, however written) is withheld — a visit's place,
 * a task's details, a chronology line, a list's postcode — for everyone not named on it. A field
 * called `postcode` keeps its district, as the address view does. Null when there is nothing to
 * mask (the caller is named on every confidential address, or there is none).
 */
export function confidentialMasker(places: readonly ConfidentialPlace[]) {
  const parts = places.flatMap((p) => [
    ...(squash(p.postcode).length >= 5 ? [loosely(p.postcode)] : []),
    ...(squash(p.addressLine1).length >= 4 ? [loosely(p.addressLine1)] : []),
  ])
  if (!parts.length) return null
  const find = new RegExp(`(?<![a-z0-9])(?:${[...new Set(parts)].join('|')})(?![a-z0-9])`, 'gi')
  const text = (s: string, key?: string): string => {
    find.lastIndex = 0
    if (!find.test(s)) return s
    if (key === 'postcode') return postcodeDistrict(s) ?? WITHHELD
    return s.replace(find, WITHHELD)
  }
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return text(v, key)
    if (Array.isArray(v)) {
      let changed = false
      const out = v.map((x) => {
        const y = walk(x)
        if (y !== x) changed = true
        return y
      })
      return changed ? out : v
    }
    if (v && typeof v === 'object' && !(v instanceof Date) && !ArrayBuffer.isView(v)) {
      let out: Record<string, unknown> | null = null
      for (const [k, x] of Object.entries(v)) {
        const y = walk(x, k)
        if (y !== x) {
          out ??= { ...(v as Record<string, unknown>) }
          out[k] = y
        }
      }
      return out ?? v
    }
    return v
  }
  return { text, walk }
}
