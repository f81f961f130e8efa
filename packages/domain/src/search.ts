import { nameSimilarity, normaliseName, swappedDayMonth } from './matching'
import { normalisePostcode } from './postcode'
import { isValidNhsNumber, normaliseNhsNumber } from './identifiers'
import { isIsoDate } from './dates'

/**
 * The staff search box: what was typed, read as names, dates of birth (day and month either
 * way round), NHS numbers, UPNs, LAchildIDs, postcodes and Hearth's references (F-…, R-…).
 * Names are scored with the front door's matching rules (`matching.ts`): spelling distance
 * raised by sound, first and last names either way round.
 */
export interface ParsedSearch {
  words: string[]
  dates: string[]
  nhsNumber: string | null
  /** A UPN or LAchildID: letters and digits, at least one digit, looked up exactly. */
  identifier: string | null
  postcode: string | null
  reference: string | null
}

const DATE_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/
const DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const REF = /^([FR])-?(\d{1,7})$/i

const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`

export function parseSearch(input: string): ParsedSearch {
  const out: ParsedSearch = { words: [], dates: [], nhsNumber: null, identifier: null, postcode: null, reference: null }
  let text = input.trim().slice(0, 200)
  // a postcode may be typed with its space: take it out first
  const pc = /\b([A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2})\b/.exec(text)
  if (pc && normalisePostcode(pc[1]!)) {
    out.postcode = normalisePostcode(pc[1]!)
    text = text.replace(pc[1]!, ' ')
  }
  // an NHS number is often written 3-3-4
  const nhs = /\b(\d{3})[\s-]?(\d{3})[\s-]?(\d{4})\b/.exec(text)
  if (nhs && isValidNhsNumber(normaliseNhsNumber(nhs[0]))) {
    out.nhsNumber = normaliseNhsNumber(nhs[0])
    text = text.replace(nhs[0], ' ')
  }
  const tokens = text.split(/[\s,]+/).filter(Boolean)
  // "12 3 2019": a date typed in three parts
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [d, m, y] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!]
    if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y) && isIsoDate(iso(y, m, d))) {
      out.dates.push(iso(y, m, d))
      tokens.splice(i, 3)
      i--
    }
  }
  for (const t of tokens) {
    const dmy = DATE_DMY.exec(t)
    const ymd = DATE_ISO.exec(t)
    const ref = REF.exec(t)
    if (dmy && isIsoDate(iso(dmy[3]!, dmy[2]!, dmy[1]!))) out.dates.push(iso(dmy[3]!, dmy[2]!, dmy[1]!))
    else if (ymd && isIsoDate(iso(ymd[1]!, ymd[2]!, ymd[3]!))) out.dates.push(iso(ymd[1]!, ymd[2]!, ymd[3]!))
    else if (ref) out.reference = `${ref[1]!.toUpperCase()}-${ref[2]!.padStart(5, '0')}`
    else if (/^[A-Za-z0-9]{4,20}$/.test(t) && /\d/.test(t)) out.identifier = t.toUpperCase()
    else if (normaliseName(t).length >= 2) out.words.push(t)
  }
  out.words = out.words.slice(0, 4)
  return out
}

/** Every date to look for: each one typed, and the same with day and month swapped. */
export function searchDates(p: ParsedSearch): string[] {
  return [...new Set(p.dates.flatMap((d) => [d, swappedDayMonth(d)].filter((x): x is string => !!x)))]
}

/** A name at least this alike counts (the front door's "similar name"). */
export const SEARCH_NAME_MATCH = 0.85

export interface SearchCandidate {
  firstName: string
  lastName: string
  dateOfBirth?: string | null
  nhsNumber?: string | null
  identifiers?: (string | null | undefined)[]
  postcode?: string | null
  reference?: string | null
}

/**
 * How well one record answers the search, and why, in words. Exact identifiers come first; then
 * names (both ways round) and dates of birth. A record that matches nothing typed scores 0.
 */
export function scoreSearch(p: ParsedSearch, c: SearchCandidate): { score: number; why: string[] } {
  const why: string[] = []
  let score = 0
  if (p.nhsNumber && c.nhsNumber === p.nhsNumber) {
    score += 1
    why.push('NHS number')
  }
  if (p.identifier && c.identifiers?.some((x) => x && x.toUpperCase() === p.identifier)) {
    score += 1
    why.push('UPN or LAchildID')
  }
  if (p.reference && c.reference === p.reference) {
    score += 1
    why.push('reference')
  }
  if (p.postcode && c.postcode === p.postcode) {
    score += 0.5
    why.push('postcode')
  }
  if (p.words.length) {
    const [a, b] = p.words
    const exact = (x: string, y: string) => normaliseName(x) === normaliseName(y)
    let names = 0
    let words = ''
    if (b) {
      const direct = (nameSimilarity(a!, c.firstName) + nameSimilarity(b, c.lastName)) / 2
      const swapped = (nameSimilarity(a!, c.lastName) + nameSimilarity(b, c.firstName)) / 2
      names = Math.max(direct, swapped)
      if (names >= SEARCH_NAME_MATCH) {
        words =
          swapped > direct
            ? 'name, first and last swapped'
            : exact(a!, c.firstName) && exact(b, c.lastName)
              ? 'name'
              : 'name (spelt differently or sounds alike)'
      } else {
        // one of the two words may be a name on its own (a surname shared by the family)
        const best = Math.max(nameSimilarity(a!, c.lastName), nameSimilarity(b, c.lastName))
        if (best >= 0.95) {
          names = 0.6
          words = 'surname'
        }
      }
    } else {
      const first = nameSimilarity(a!, c.firstName)
      const last = nameSimilarity(a!, c.lastName)
      names = Math.max(first, last)
      if (names >= SEARCH_NAME_MATCH)
        words = exact(a!, last >= first ? c.lastName : c.firstName)
          ? last >= first
            ? 'surname'
            : 'first name'
          : 'name (spelt differently or sounds alike)'
    }
    if (words) {
      score += 0.6 * names
      why.push(words)
    }
  }
  if (p.dates.length && c.dateOfBirth) {
    if (p.dates.includes(c.dateOfBirth)) {
      score += 0.5
      why.push('date of birth')
    } else if (p.dates.some((d) => swappedDayMonth(d) === c.dateOfBirth)) {
      score += 0.35
      why.push('date of birth, day and month swapped')
    }
  }
  // a search with a name and a date must match both: a date alone matches many children
  const askedName = p.words.length > 0
  const askedDate = p.dates.length > 0
  const gotName = why.some((w) => w.includes('name'))
  const gotDate = why.some((w) => w.startsWith('date of birth'))
  const gotId = why.some((w) => ['NHS number', 'UPN or LAchildID', 'reference'].includes(w))
  if (!gotId && ((askedName && !gotName && !why.includes('surname')) || (askedDate && !gotDate)))
    return { score: 0, why: [] }
  return { score: Math.round(score * 100) / 100, why }
}

/** Splits a full name ("Testmum Quillby") into first and last for scoring. */
export function splitName(full: string): { firstName: string; lastName: string } {
  const parts = full.trim().split(/\s+/)
  return { firstName: parts[0] ?? '', lastName: parts.length > 1 ? parts.at(-1)! : '' }
}
