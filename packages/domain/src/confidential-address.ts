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
