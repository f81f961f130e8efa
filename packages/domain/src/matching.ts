/**
 * Known-family matching at the front door. Tolerant of spelling (Mohammed / Muhammad), of first
 * and last names swapped, and of day and month swapped in a date of birth. It only suggests: the
 * officer links or declines, and Hearth never merges records by itself.
 */

export interface MatchQuery {
  firstName?: string | null
  lastName?: string | null
  dateOfBirth?: string | null
  postcode?: string | null
}

export interface KnownChild {
  childId: string
  familyId: string
  firstName: string
  lastName: string
  dateOfBirth: string | null
  expectedDateOfBirth: string | null
  postcode: string
}

export interface MatchCandidate {
  childId: string
  familyId: string
  score: number
  reasons: string[]
}

export function normaliseName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '')
}

/** American Soundex: a sound key that survives most spelling variants of a name. */
export function soundex(name: string): string {
  const s = normaliseName(name)
  if (!s) return ''
  const codes: Record<string, string> = {
    b: '1',
    f: '1',
    p: '1',
    v: '1',
    c: '2',
    g: '2',
    j: '2',
    k: '2',
    q: '2',
    s: '2',
    x: '2',
    z: '2',
    d: '3',
    t: '3',
    l: '4',
    m: '5',
    n: '5',
    r: '6',
  }
  let out = s[0]!.toUpperCase()
  let last = codes[s[0]!] ?? ''
  for (let i = 1; i < s.length && out.length < 4; i++) {
    const ch = s[i]!
    const code = codes[ch] ?? ''
    if (code && code !== last) out += code
    // h and w do not separate letters with the same code; vowels do
    if (ch !== 'h' && ch !== 'w') last = code
  }
  return out.padEnd(4, '0')
}

/** Jaro–Winkler similarity, 0..1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a ? 1 : 0
  if (!a || !b) return 0
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1)
  const aMatch = new Array<boolean>(a.length).fill(false)
  const bMatch = new Array<boolean>(b.length).fill(false)
  let matches = 0
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (bMatch[j] || a[i] !== b[j]) continue
      aMatch[i] = bMatch[j] = true
      matches++
      break
    }
  }
  if (!matches) return 0
  let t = 0
  for (let i = 0, k = 0; i < a.length; i++) {
    if (!aMatch[i]) continue
    while (!bMatch[k]) k++
    if (a[i] !== b[k]) t++
    k++
  }
  const jaro = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3
  let prefix = 0
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++
  return jaro + prefix * 0.1 * (1 - jaro)
}

/** How alike two names are: spelling distance, raised when they sound the same. */
export function nameSimilarity(a: string, b: string): number {
  const na = normaliseName(a)
  const nb = normaliseName(b)
  if (!na || !nb) return 0
  if (na === nb) return 1
  const jw = jaroWinkler(na, nb)
  return soundex(na) === soundex(nb) ? Math.max(jw, 0.9) : jw
}

/** The same date with day and month swapped (2019-03-12 → 2019-12-03), when that is a date. */
export function swappedDayMonth(iso: string): string | null {
  const [y, m, d] = iso.split('-')
  if (!y || !m || !d || m === d || Number(d) > 12) return null
  return `${y}-${d}-${m}`
}

const NAME_MATCH = 0.85
export const MATCH_THRESHOLD = 0.6

/**
 * Scores one known child against what the referrer told us. Name evidence alone is never enough
 * (many children share a name): it must be backed by a date of birth or the same address.
 */
export function scoreChild(q: MatchQuery, c: KnownChild): MatchCandidate {
  const reasons: string[] = []
  let score = 0
  const first = q.firstName ?? ''
  const last = q.lastName ?? ''
  const direct = (nameSimilarity(first, c.firstName) + nameSimilarity(last, c.lastName)) / 2
  const swapped = (nameSimilarity(first, c.lastName) + nameSimilarity(last, c.firstName)) / 2
  const names = Math.max(direct, swapped)
  const lastOnly = Math.max(nameSimilarity(last, c.lastName), nameSimilarity(first, c.lastName))
  if (names >= NAME_MATCH) {
    score += 0.45 * names
    if (swapped > direct && swapped >= NAME_MATCH) reasons.push('same names with first and last swapped')
    else if (normaliseName(first) === normaliseName(c.firstName) && normaliseName(last) === normaliseName(c.lastName))
      reasons.push('same name')
    else reasons.push('similar name (spelling differs)')
  } else if (lastOnly >= 0.95) {
    score += 0.15
    reasons.push('same surname')
  }
  const dob = c.dateOfBirth ?? c.expectedDateOfBirth
  if (q.dateOfBirth && dob) {
    if (q.dateOfBirth === dob) {
      score += 0.4
      reasons.push(c.dateOfBirth ? 'same date of birth' : 'same expected date of birth')
    } else if (swappedDayMonth(q.dateOfBirth) === dob) {
      score += 0.25
      reasons.push('date of birth with day and month swapped')
    }
  }
  if (q.postcode && c.postcode) {
    const a = q.postcode.replace(/\s+/g, '').toUpperCase()
    const b = c.postcode.replace(/\s+/g, '').toUpperCase()
    if (a === b) {
      score += 0.25
      reasons.push('same postcode')
    }
  }
  // Name evidence without a date of birth or address behind it is not a match.
  const corroborated = reasons.some((r) => r.includes('date of birth') || r === 'same postcode')
  if (!corroborated) score = Math.min(score, MATCH_THRESHOLD - 0.01)
  return { childId: c.childId, familyId: c.familyId, score: Math.round(Math.min(score, 1) * 100) / 100, reasons }
}

export function findCandidates(q: MatchQuery, known: readonly KnownChild[], limit = 10): MatchCandidate[] {
  return known
    .map((c) => scoreChild(q, c))
    .filter((m) => m.score >= MATCH_THRESHOLD)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
}
