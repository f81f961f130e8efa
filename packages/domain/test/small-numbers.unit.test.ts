import { describe, expect, it } from 'vitest'
import { hideSmall, hideSmallCounts } from '../src/small-numbers'

describe('small-number suppression', () => {
  it('hides 1 to 4 in a team of fewer than 3 practitioners; shows 0, 5 and more, and every count in a team of 3', () => {
    expect([0, 1, 4, 5, 12].map((n) => hideSmall(n, 2))).toEqual([0, null, null, 5, 12])
    expect([0, 1, 4, 5].map((n) => hideSmall(n, 0))).toEqual([0, null, null, 5])
    expect([1, 4].map((n) => hideSmall(n, 3))).toEqual([1, 4])
  })

  it('hides a pair together, and what is worked out from a hidden count', () => {
    const row = { decided: 7, onTime: 4, done: 2, median: 3.5, held: 9 }
    expect(
      hideSmallCounts(row, 1, [
        { counts: ['decided', 'onTime'] },
        { counts: ['done'], derived: ['median'] },
        { counts: ['held'] },
      ]),
    ).toEqual({ decided: null, onTime: null, done: null, median: null, held: 9 })
    expect(hideSmallCounts(row, 3, [{ counts: ['decided', 'onTime'] }])).toEqual(row)
  })
})
