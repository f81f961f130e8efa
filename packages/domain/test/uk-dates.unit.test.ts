import { describe, expect, it } from 'vitest'
import { dateFromParts, toIsoDate } from '../src/dates'

describe('dates as people write them', () => {
  it('day first, with slashes, dots or dashes, or ISO', () => {
    for (const s of ['8/3/2018', '08/03/2018', '8.3.2018', '08-03-2018', '2018-03-08', ' 08/03/2018 ']) {
      expect(toIsoDate(s), s).toBe('2018-03-08')
    }
    expect(toIsoDate('next Tuesday')).toBe('next Tuesday') // left for the schema to refuse
  })

  it('the three boxes of a date input', () => {
    expect(dateFromParts('8', '3', '2018')).toBe('2018-03-08')
    expect(dateFromParts('', '', '')).toBe('')
    expect(dateFromParts('31', '2', '20')).toBe('31/2/20') // not a date: refused in words by the schema
  })
})
