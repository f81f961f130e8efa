import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SIMILARITY_THRESHOLD,
  estimate,
  jaccard,
  minhash,
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
      const flagged =
        similarNotes(p.b, [{ id: 'a', text: p.a, signature: minhash(shingles(p.a)) }], DEFAULT_SIMILARITY_THRESHOLD)
          .length > 0
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
