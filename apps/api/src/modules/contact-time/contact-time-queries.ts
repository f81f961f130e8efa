import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import { type Db, leaveDays, notes, people } from '@hearth/db'
import { contactShare, FULL_TIME_PATTERN, recentWeeks, weekBounds, workingMinutes } from '@hearth/domain'
import { councilHolidays } from '../calendar/calendar-queries'

export interface ContactWeek {
  weekStart: string
  directMinutes: number
  workingMinutes: number
  /** The share of the working week with families; null when no hours were worked (a dash). */
  share: number | null
}

/**
 * Week by week (Monday to Sunday, London), for each person: the minutes their finalised notes
 * record with families, and the minutes they worked (their pattern, less bank holidays and leave).
 */
export async function contactWeeks(db: Db, councilId: string, personIds: string[], weeks: number, now = new Date()) {
  const mondays = recentWeeks(now, weeks)
  const from = weekBounds(mondays[0]!).from
  const to = weekBounds(mondays.at(-1)!).to
  if (personIds.length === 0) return { mondays, byPerson: new Map<string, ContactWeek[]>() }
  const [holidays, patterns, leave, minutes] = await Promise.all([
    councilHolidays(db, councilId),
    db
      .select({ id: people.id, pattern: people.workingPattern })
      .from(people)
      .where(and(eq(people.councilId, councilId), inArray(people.id, personIds))),
    db
      .select({ personId: leaveDays.personId, day: leaveDays.day })
      .from(leaveDays)
      .where(and(eq(leaveDays.councilId, councilId), inArray(leaveDays.personId, personIds))),
    db
      .select({
        authorId: notes.authorId,
        monday: sql<string>`to_char(date_trunc('week', ${notes.happenedAt} at time zone 'Europe/London'), 'YYYY-MM-DD')`,
        minutes: sql<number>`sum(${notes.directMinutes})::int`,
      })
      .from(notes)
      .where(
        and(
          eq(notes.councilId, councilId),
          eq(notes.status, 'final'),
          inArray(notes.authorId, personIds),
          gte(notes.happenedAt, from),
          lt(notes.happenedAt, to),
        ),
      )
      .groupBy(notes.authorId, sql`2`),
  ])
  const byPerson = new Map<string, ContactWeek[]>()
  for (const id of personIds) {
    const pattern = patterns.find((p) => p.id === id)?.pattern ?? FULL_TIME_PATTERN
    const off = new Set(leave.filter((l) => l.personId === id).map((l) => l.day))
    byPerson.set(
      id,
      mondays.map((monday) => {
        const direct = minutes.find((m) => m.authorId === id && m.monday === monday)?.minutes ?? 0
        const working = workingMinutes(pattern, monday, holidays, off)
        return {
          weekStart: monday,
          directMinutes: direct,
          workingMinutes: working,
          share: contactShare(direct, working),
        }
      }),
    )
  }
  return { mondays, byPerson }
}
