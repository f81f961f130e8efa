/** ISO calendar date (YYYY-MM-DD) that really exists. */
export function isIsoDate(input: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input)) return false
  const d = new Date(`${input}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === input
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "3 December 2026", from "2026-12-03" (the GOV.UK way; never the ISO form on screen). */
export function longDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`
}

/**
 * A child's age in words on a given day ("7 years", "4 months", "2 weeks"), or "unborn (due …)".
 * Whole years from the first birthday; months below that; weeks below a month.
 */
export function ageInWords(dateOfBirth: string | null, expected: string | null, today: string): string {
  if (!dateOfBirth) return expected ? `unborn (due ${longDate(expected)})` : 'age not known'
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  let months = (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0)
  if (months < 0) months = 0
  if (months >= 12) {
    const years = Math.floor(months / 12)
    return `${years} year${years === 1 ? '' : 's'}`
  }
  if (months >= 1) return `${months} month${months === 1 ? '' : 's'}`
  const days = Math.max(0, Math.round((Date.parse(today) - Date.parse(dateOfBirth)) / 86_400_000))
  const weeks = Math.floor(days / 7)
  return weeks >= 1 ? `${weeks} week${weeks === 1 ? '' : 's'}` : `${days} day${days === 1 ? '' : 's'}`
}

/**
 * A date as people in the UK write it, or as ISO: "8/3/2018", "08/03/2018", "8.3.2018",
 * "08-03-2018" (day first) and "2018-03-08" all give "2018-03-08". Anything else comes back as it
 * was, for the schema to refuse in words.
 */
export function toIsoDate(input: string): string {
  const s = input.trim()
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)
  if (!uk) return s
  const [, d, m, y] = uk
  return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`
}

/**
 * The three boxes of a GOV.UK date input as one value: "" when all are empty, the ISO date when
 * they make one (day and month of one or two digits, a four-digit year), and otherwise what was
 * typed ("31/2/20"), so that the schema refuses it as not a real date.
 */
export function dateFromParts(day: string, month: string, year: string): string {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()]
  if (!d && !m && !y) return ''
  if (/^\d{1,2}$/.test(d) && /^\d{1,2}$/.test(m) && /^\d{4}$/.test(y))
    return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
  return `${d}/${m}/${y}`
}
