import { describe, expect, it } from 'vitest'
import { lastFridayOfJune, ofCompulsorySchoolAge } from '../src/school-age'

/** Worked by hand from the Education Act 1996 s.8 and the school leaving date (the last Friday of June). */
describe('compulsory school age (CIN census 8770Q, on 31 March)', () => {
  const census = '2027-03-31'
  it('the last Friday of June', () => {
    expect(lastFridayOfJune(2027)).toBe('2027-06-25')
    expect(lastFridayOfJune(2026)).toBe('2026-06-26')
    expect(lastFridayOfJune(2028)).toBe('2028-06-30')
  })

  it('a child who turned 5 before January is of school age; one who turned 5 in January to March is not yet', () => {
    expect(ofCompulsorySchoolAge('2021-12-31', census)).toBe(true) // 5 on 31 Dec 2026: from 1 Jan
    expect(ofCompulsorySchoolAge('2021-09-01', census)).toBe(true)
    expect(ofCompulsorySchoolAge('2022-01-15', census)).toBe(false) // 5 on 15 Jan 2027: from 1 April
    expect(ofCompulsorySchoolAge('2022-03-31', census)).toBe(false)
    expect(ofCompulsorySchoolAge('2022-01-15', '2027-04-01')).toBe(true)
    expect(ofCompulsorySchoolAge('2022-04-01', census)).toBe(false) // 4 years old
  })

  it('Year 11 children who are already 16 are of school age until the last Friday of June', () => {
    expect(ofCompulsorySchoolAge('2010-09-01', census)).toBe(true) // 16 on 1 Sep 2026, in Year 11
    expect(ofCompulsorySchoolAge('2010-12-25', census)).toBe(true) // 16 at Christmas, in Year 11
    expect(ofCompulsorySchoolAge('2011-03-01', census)).toBe(true) // 16 this month, in Year 11
    expect(ofCompulsorySchoolAge('2010-08-31', census)).toBe(false) // in Year 12: school age ended June 2026
    expect(ofCompulsorySchoolAge('2010-09-01', '2027-06-25')).toBe(true)
    expect(ofCompulsorySchoolAge('2010-09-01', '2027-06-26')).toBe(false)
  })
})
