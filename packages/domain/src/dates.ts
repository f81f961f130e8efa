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
