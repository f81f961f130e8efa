/**
 * England and Wales bank holidays, worked out by the rules the gov.uk list follows (Banking and
 * Financial Dealings Act 1971 and the royal proclamations each year), with the one-off changes made
 * since 2020 listed by hand. Years after the last published list are provisional: a one-off day
 * announced later is added by the council's administrator until this list is updated.
 */
export interface BankHoliday {
  date: string
  name: string
}

export const FIRST_BANK_HOLIDAY_YEAR = 2020
export const LAST_BANK_HOLIDAY_YEAR = 2030

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10)
const dow = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay()

/** Easter Sunday (the Anonymous Gregorian algorithm): [month, day]. */
export function easterSunday(y: number): [number, number] {
  const a = y % 19
  const b = Math.floor(y / 100)
  const c = y % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return [month, day]
}

/** The first (n = 1) or last (n = -1) Monday of a month. */
function monday(y: number, m: number, n: 1 | -1): string {
  if (n === 1) {
    const first = dow(y, m, 1)
    return iso(y, m, 1 + ((8 - first) % 7))
  }
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const last = dow(y, m, lastDay)
  return iso(y, m, lastDay - ((last + 6) % 7))
}

/** The one-off changes: a holiday moved, and days added for national events. */
const MOVED: Record<string, { date: string; name: string }> = {
  '2020-05-04': { date: '2020-05-08', name: 'Early May bank holiday (VE day)' },
  '2022-05-30': { date: '2022-06-02', name: 'Spring bank holiday' },
}
const ADDED: BankHoliday[] = [
  { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
  { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
  { date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' },
]

/** One year's bank holidays in date order. */
export function bankHolidaysOf(y: number): BankHoliday[] {
  const out: BankHoliday[] = []
  // New Year's Day, or the Monday after when it falls at a weekend
  const ny = dow(y, 1, 1)
  out.push(
    ny === 6
      ? { date: iso(y, 1, 3), name: 'New Year’s Day (substitute day)' }
      : ny === 0
        ? { date: iso(y, 1, 2), name: 'New Year’s Day (substitute day)' }
        : { date: iso(y, 1, 1), name: 'New Year’s Day' },
  )
  const [em, ed] = easterSunday(y)
  out.push({ date: iso(y, em, ed - 2), name: 'Good Friday' }, { date: iso(y, em, ed + 1), name: 'Easter Monday' })
  out.push(
    { date: monday(y, 5, 1), name: 'Early May bank holiday' },
    { date: monday(y, 5, -1), name: 'Spring bank holiday' },
    { date: monday(y, 8, -1), name: 'Summer bank holiday' },
  )
  // Christmas and Boxing Day; at a weekend, the next weekdays not already holidays
  const xmas = dow(y, 12, 25)
  if (xmas === 6)
    out.push(
      { date: iso(y, 12, 27), name: 'Christmas Day (substitute day)' },
      { date: iso(y, 12, 28), name: 'Boxing Day (substitute day)' },
    )
  else if (xmas === 0)
    out.push(
      { date: iso(y, 12, 26), name: 'Boxing Day' },
      { date: iso(y, 12, 27), name: 'Christmas Day (substitute day)' },
    )
  else if (xmas === 5)
    out.push(
      { date: iso(y, 12, 25), name: 'Christmas Day' },
      { date: iso(y, 12, 28), name: 'Boxing Day (substitute day)' },
    )
  else out.push({ date: iso(y, 12, 25), name: 'Christmas Day' }, { date: iso(y, 12, 26), name: 'Boxing Day' })
  const list = out.map((h) => MOVED[h.date] ?? h)
  list.push(...ADDED.filter((h) => h.date.startsWith(`${y}-`)))
  return list.sort((a, b) => a.date.localeCompare(b.date))
}

/** Every England and Wales bank holiday from 2020 to 2030. */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = Array.from(
  { length: LAST_BANK_HOLIDAY_YEAR - FIRST_BANK_HOLIDAY_YEAR + 1 },
  (_, i) => bankHolidaysOf(FIRST_BANK_HOLIDAY_YEAR + i),
).flat()
