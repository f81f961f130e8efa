/**
 * Compulsory school age in England (Education Act 1996 s.8, and the school leaving date order):
 * a child begins to be of it at the start of the term after their fifth birthday (1 January,
 * 1 April or 1 September) and stops on the last Friday of June of the school year (September to
 * August) in which they turn 16. On the census reference date, 31 March, Year 11 children who are
 * already 16 are still of school age, and children who turned 5 in January to March are not yet.
 */
const pad = (n: number) => String(n).padStart(2, '0')

/** The last Friday of June of a year, as an ISO date. */
export function lastFridayOfJune(year: number): string {
  const d = new Date(Date.UTC(year, 5, 30))
  d.setUTCDate(30 - ((d.getUTCDay() + 2) % 7))
  return `${year}-06-${pad(d.getUTCDate())}`
}

/** Whether a child born on `dateOfBirth` is of compulsory school age on `on` (ISO dates). */
export function ofCompulsorySchoolAge(dateOfBirth: string, on: string): boolean {
  const [y, m] = dateOfBirth.split('-').map(Number) as [number, number]
  const fifth = y + 5
  const begins = m >= 9 ? `${fifth + 1}-01-01` : m <= 3 ? `${fifth}-04-01` : `${fifth}-09-01`
  const ends = lastFridayOfJune(m >= 9 ? y + 17 : y + 16)
  return on >= begins && on <= ends
}
