/**
 * The copy-paste check for notes. Each note's story becomes a set of three-word shingles; two notes
 * are as alike as the share of shingles they have in common (Jaccard). A MinHash signature of 64
 * numbers, kept with each finalised note, estimates that share cheaply, so a new note is checked
 * against thousands of earlier ones in milliseconds; only the few that look close are compared
 * word by word, and their shared passages named.
 */
export const SHINGLE_WORDS = 3
export const MINHASH_SIZE = 64
/** Notes at least this alike are shown to the author before saving (a council may set its own). */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.33
/** The MinHash estimate a note must reach to be compared word by word (its error is about ±0.06). */
export const PREFILTER_MARGIN = 0.15

/** Lower case, letters and digits only: "Mum's" and "mums" are one word; punctuation is not. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

/** The note's three-word shingles (a short note is one shingle of all its words). */
export function shingles(text: string, k = SHINGLE_WORDS): Set<string> {
  const w = words(text)
  const out = new Set<string>()
  if (w.length === 0) return out
  if (w.length < k) {
    out.add(w.join(' '))
    return out
  }
  for (let i = 0; i + k <= w.length; i++) out.add(w.slice(i, i + k).join(' '))
  return out
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  let both = 0
  for (const s of a) if (b.has(s)) both++
  return both / (a.size + b.size - both)
}

/** FNV-1a, 32 bits: the shingle's base hash. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Fixed odd multipliers and offsets for the 64 hash functions (h·a + b, 32 bits). */
const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => {
  const a = (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0
  const b = Math.imul(i + 7, 0x85ebca6b) >>> 0
  return [a, b] as const
})

/** The note's MinHash signature: for each hash function, the smallest value over its shingles. */
export function minhash(set: Set<string>): number[] {
  const sig = new Array<number>(MINHASH_SIZE).fill(0xffffffff)
  for (const s of set) {
    const h = fnv1a(s)
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const [a, b] = SEEDS[i]!
      const v = (Math.imul(h, a) + b) >>> 0
      if (v < sig[i]!) sig[i] = v
    }
  }
  // a signed 32-bit integer fits PostgreSQL's integer[]
  return sig.map((v) => v | 0)
}

/** The share of equal positions: an estimate of the Jaccard similarity of the two notes. */
export function estimate(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}

/**
 * Locality-sensitive hashing of a signature: 64 band keys, each a hash of two neighbouring MinHash
 * values (positions i and i+1, round the ring). Two notes share a band key with probability
 * 1 − (1 − s²)⁶⁴ or so, for notes alike to the share s: about 0.9994 at the default threshold
 * (0.33), 0.47 at 0.1 and 0.03 at 0.02. Stored with each finalised note under a GIN index, it lets
 * PostgreSQL return only the earlier notes that could be close, instead of all of them.
 */
export function lshBands(sig: readonly number[]): number[] {
  const n = sig.length
  const out = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    let h = Math.imul(sig[i]! ^ Math.imul(i + 1, 0x9e3779b1), 0x85ebca6b) ^ sig[(i + 1) % n]!
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
    out[i] = (h ^ (h >>> 16)) | 0
  }
  return out
}

/** Whether two notes' band keys meet anywhere: the LSH candidate test. */
export function sharesBand(a: readonly number[], b: readonly number[]): boolean {
  const set = new Set(a)
  return b.some((x) => set.has(x))
}

/**
 * The passages two notes share, in the new note's words: runs of shared shingles joined into
 * phrases, longest first (at most `max`).
 */
export function sharedPassages(newText: string, oldText: string, max = 3): string[] {
  const w = words(newText)
  const old = shingles(oldText)
  const k = SHINGLE_WORDS
  const runs: string[] = []
  let i = 0
  while (i + k <= w.length) {
    if (!old.has(w.slice(i, i + k).join(' '))) {
      i++
      continue
    }
    let end = i + k
    while (end + 1 <= w.length && old.has(w.slice(end - k + 1, end + 1).join(' '))) end++
    // a passage worth naming: six words or more ("mum said the" is everyone's)
    if (end - i >= 6) runs.push(w.slice(i, end).join(' '))
    i = end
  }
  return runs.sort((a, b) => b.length - a.length).slice(0, max)
}

export interface EarlierNote {
  id: string
  text: string
  signature: readonly number[]
}

/**
 * The earlier notes a new one is too like: a MinHash estimate first (cheap, for thousands), then
 * the exact share of shingles for those that come close, at or above `threshold`; most alike first,
 * each with the passages they share.
 */
export function similarNotes(
  text: string,
  earlier: readonly EarlierNote[],
  threshold = DEFAULT_SIMILARITY_THRESHOLD,
): { id: string; score: number; passages: string[] }[] {
  const mine = shingles(text)
  if (mine.size === 0) return []
  const sig = minhash(mine)
  const out: { id: string; score: number; passages: string[] }[] = []
  for (const e of earlier) {
    if (estimate(sig, e.signature) < threshold - PREFILTER_MARGIN) continue
    const score = jaccard(mine, shingles(e.text))
    if (score >= threshold) out.push({ id: e.id, score, passages: sharedPassages(text, e.text) })
  }
  return out.sort((a, b) => b.score - a.score)
}
