import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SIMILARITY_THRESHOLD,
  estimate,
  jaccard,
  lshBands,
  minhash,
  sharesBand,
  sharedPassages,
  shingles,
  similarNotes,
} from '../src/similarity'
import { NOTE_PAIRS } from './fixtures/note-pairs'

/**
 * The copy-paste check against the labelled set (60 invented pairs): the figures reported in
 * docs/benchmarks.md. The test fails if precision or recall drops below them.
 */
const REPORTED = { precision: 1, recall: 1 }

describe('the copy-paste check', () => {
  it('on the labelled set: every light copy flagged, no note about a similar situation or sharing standard phrases', () => {
    let tp = 0
    let fp = 0
    let fn = 0
    const wrong: string[] = []
    for (const p of NOTE_PAIRS) {
      // as the database does it: an LSH candidate first (a band key in common), then compared
      const sigA = minhash(shingles(p.a))
      const flagged =
        sharesBand(lshBands(sigA), lshBands(minhash(shingles(p.b)))) &&
        similarNotes(p.b, [{ id: 'a', text: p.a, signature: sigA }], DEFAULT_SIMILARITY_THRESHOLD).length > 0
      if (flagged && p.copy) tp++
      else if (flagged) {
        fp++
        wrong.push(`flagged: ${p.kind}: ${p.b.slice(0, 40)}`)
      } else if (p.copy) {
        fn++
        wrong.push(`missed: ${p.b.slice(0, 40)}`)
      }
    }
    const precision = tp / (tp + fp)
    const recall = tp / (tp + fn)
    console.info(
      `copy-paste check on ${NOTE_PAIRS.length} pairs: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`,
    )
    expect(NOTE_PAIRS.length).toBeGreaterThanOrEqual(60)
    expect(precision, wrong.join('\n')).toBeGreaterThanOrEqual(REPORTED.precision)
    expect(recall, wrong.join('\n')).toBeGreaterThanOrEqual(REPORTED.recall)
  })

  it('LSH: notes alike share a band key; unrelated notes seldom do', () => {
    const vocab = 'mum dad nan kids school food rent boiler visit plan tired happy bus money letter cot'.split(' ')
    let seed = 11
    const word = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return vocab[Math.floor((seed / 2 ** 31) * vocab.length)]
    }
    const note = () => Array.from({ length: 60 }, word).join(' ')
    let candidates = 0
    const pairs = 500
    for (let i = 0; i < pairs; i++)
      if (sharesBand(lshBands(minhash(shingles(note()))), lshBands(minhash(shingles(note()))))) candidates++
    // invented stories from 16 words share phrases by chance (about 1 % of pairs meet)
    expect(candidates / pairs).toBeLessThan(0.05)
    for (const p of NOTE_PAIRS.filter((x) => jaccard(shingles(x.a), shingles(x.b)) >= DEFAULT_SIMILARITY_THRESHOLD))
      expect(sharesBand(lshBands(minhash(shingles(p.a))), lshBands(minhash(shingles(p.b)))), p.b.slice(0, 40)).toBe(
        true,
      )
  })

  it('names the passages two notes share, in the new note’s words', () => {
    const old = 'Mum said the heating has been fixed since last week and the flat felt warm at last.'
    const mine = 'Today Mum said the heating has been fixed since last week, and Kai was happy.'
    expect(sharedPassages(mine, old)).toEqual(['mum said the heating has been fixed since last week and'])
  })

  it('the MinHash estimate follows the exact share of shingles', () => {
    for (const p of NOTE_PAIRS) {
      const a = shingles(p.a)
      const b = shingles(p.b)
      expect(Math.abs(estimate(minhash(a), minhash(b)) - jaccard(a, b))).toBeLessThan(0.25)
    }
  })
})
