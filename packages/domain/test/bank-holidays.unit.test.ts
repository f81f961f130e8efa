import { describe, expect, it } from 'vitest'
import { bankHolidaysOf, ENGLAND_AND_WALES_BANK_HOLIDAYS, easterSunday } from '../src/bank-holidays'

/** The gov.uk `england-and-wales` list as published (2025–2027 as timescales.md gives them). */
const GOV_UK_2025_2027 = [
  ['2025-01-01', 'New Year’s Day'],
  ['2025-04-18', 'Good Friday'],
  ['2025-04-21', 'Easter Monday'],
  ['2025-05-05', 'Early May bank holiday'],
  ['2025-05-26', 'Spring bank holiday'],
  ['2025-08-25', 'Summer bank holiday'],
  ['2025-12-25', 'Christmas Day'],
  ['2025-12-26', 'Boxing Day'],
  ['2026-01-01', 'New Year’s Day'],
  ['2026-04-03', 'Good Friday'],
  ['2026-04-06', 'Easter Monday'],
  ['2026-05-04', 'Early May bank holiday'],
  ['2026-05-25', 'Spring bank holiday'],
  ['2026-08-31', 'Summer bank holiday'],
  ['2026-12-25', 'Christmas Day'],
  ['2026-12-28', 'Boxing Day (substitute day)'],
  ['2027-01-01', 'New Year’s Day'],
  ['2027-03-26', 'Good Friday'],
  ['2027-03-29', 'Easter Monday'],
  ['2027-05-03', 'Early May bank holiday'],
  ['2027-05-31', 'Spring bank holiday'],
  ['2027-08-30', 'Summer bank holiday'],
  ['2027-12-27', 'Christmas Day (substitute day)'],
  ['2027-12-28', 'Boxing Day (substitute day)'],
]

/** Other years, checked by hand against the published lists (2028–2030 are provisional). */
const BY_HAND: Record<number, string[]> = {
  2020: [
    '2020-01-01',
    '2020-04-10',
    '2020-04-13',
    '2020-05-08',
    '2020-05-25',
    '2020-08-31',
    '2020-12-25',
    '2020-12-28',
  ],
  2021: [
    '2021-01-01',
    '2021-04-02',
    '2021-04-05',
    '2021-05-03',
    '2021-05-31',
    '2021-08-30',
    '2021-12-27',
    '2021-12-28',
  ],
  2022: [
    '2022-01-03',
    '2022-04-15',
    '2022-04-18',
    '2022-05-02',
    '2022-06-02',
    '2022-06-03',
    '2022-08-29',
    '2022-09-19',
    '2022-12-26',
    '2022-12-27',
  ],
  2023: [
    '2023-01-02',
    '2023-04-07',
    '2023-04-10',
    '2023-05-01',
    '2023-05-08',
    '2023-05-29',
    '2023-08-28',
    '2023-12-25',
    '2023-12-26',
  ],
  2024: [
    '2024-01-01',
    '2024-03-29',
    '2024-04-01',
    '2024-05-06',
    '2024-05-27',
    '2024-08-26',
    '2024-12-25',
    '2024-12-26',
  ],
  2028: [
    '2028-01-03',
    '2028-04-14',
    '2028-04-17',
    '2028-05-01',
    '2028-05-29',
    '2028-08-28',
    '2028-12-25',
    '2028-12-26',
  ],
  2029: [
    '2029-01-01',
    '2029-03-30',
    '2029-04-02',
    '2029-05-07',
    '2029-05-28',
    '2029-08-27',
    '2029-12-25',
    '2029-12-26',
  ],
  2030: [
    '2030-01-01',
    '2030-04-19',
    '2030-04-22',
    '2030-05-06',
    '2030-05-27',
    '2030-08-26',
    '2030-12-25',
    '2030-12-26',
  ],
}

describe('England and Wales bank holidays, 2020 to 2030', () => {
  it('match the gov.uk list for 2025–2027, names and all', () => {
    const mine = [2025, 2026, 2027].flatMap((y) => bankHolidaysOf(y).map((h) => [h.date, h.name]))
    expect(mine).toEqual(GOV_UK_2025_2027)
  })

  it('match the published lists, with 2020’s VE day, 2022’s jubilee and state funeral, 2023’s coronation', () => {
    for (const [year, dates] of Object.entries(BY_HAND))
      expect(
        bankHolidaysOf(Number(year)).map((h) => h.date),
        year,
      ).toEqual(dates)
  })

  it('Easter Sunday by the algorithm, against known years', () => {
    expect(easterSunday(2020)).toEqual([4, 12])
    expect(easterSunday(2024)).toEqual([3, 31])
    expect(easterSunday(2027)).toEqual([3, 28])
    expect(easterSunday(2030)).toEqual([4, 21])
  })

  it('every year from 2020 to 2030 is there, in order, no day twice, never a weekend', () => {
    const dates = ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date)
    expect(new Set(dates.map((d) => d.slice(0, 4)))).toEqual(
      new Set(Array.from({ length: 11 }, (_, i) => String(2020 + i))),
    )
    expect([...dates].sort()).toEqual(dates)
    expect(new Set(dates).size).toBe(dates.length)
    for (const d of dates) expect([0, 6], d).not.toContain(new Date(`${d}T12:00:00Z`).getUTCDay())
  })
})
