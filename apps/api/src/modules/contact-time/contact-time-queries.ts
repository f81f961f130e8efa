import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import { leaveDays, memberships, people } from '@hearth/db/schema/organisation'
import { notes } from '@hearth/db/schema/recording'
import { together } from '@hearth/db/together'
import { contactShare, FULL_TIME_PATTERN, minutesOnDays, weekDays } from '@hearth/domain/contact-time'
import { recentWeeks, weekBounds } from '@hearth/domain/insight'
import { SHORT_NOTICE_HOURS } from '@hearth/domain/recording'
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
  const [holidays, patterns, leave, minutes] = await together(
    db,
    () => councilHolidays(db, councilId),
    () =>
      db
        .select({ id: people.id, pattern: people.workingPattern })
        .from(people)
        .where(and(eq(people.councilId, councilId), inArray(people.id, personIds))),
    () =>
      db
        .select({ personId: leaveDays.personId, day: leaveDays.day })
        .from(leaveDays)
        .where(and(eq(leaveDays.councilId, councilId), inArray(leaveDays.personId, personIds))),
    () =>
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
  )
  // by person (and week): hundreds of people over many weeks are looked up, never searched
  const patternOf = new Map(patterns.map((p) => [p.id, p.pattern]))
  const leaveOf = new Map<string, Set<string>>()
  for (const l of leave) {
    if (!leaveOf.has(l.personId)) leaveOf.set(l.personId, new Set())
    leaveOf.get(l.personId)!.add(l.day)
  }
  const minutesOf = new Map(minutes.map((m) => [`${m.authorId} ${m.monday}`, m.minutes]))
  const noLeave = new Set<string>()
  const days = mondays.map(weekDays)
  // most people share a pattern and have no leave in a week: their hours are worked out once
  const sameHours = new Map<string, number>()
  const hoursOf = (pattern: readonly number[], w: number, off: ReadonlySet<string>) => {
    if (off.size) return minutesOnDays(pattern, days[w]!, holidays, off)
    const key = `${w} ${pattern.join(',')}`
    const known = sameHours.get(key)
    if (known !== undefined) return known
    const m = minutesOnDays(pattern, days[w]!, holidays, off)
    sameHours.set(key, m)
    return m
  }
  const byPerson = new Map<string, ContactWeek[]>()
  for (const id of personIds) {
    const pattern = patternOf.get(id) ?? FULL_TIME_PATTERN
    const off = leaveOf.get(id) ?? noLeave
    byPerson.set(
      id,
      mondays.map((monday, w) => {
        const direct = minutesOf.get(`${id} ${monday}`) ?? 0
        const working = hoursOf(pattern, w, off)
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

/** A group's weeks (a team, the council): its people's minutes with families over their minutes worked. */
export function sumWeeks(mondays: string[], weeksOf: ContactWeek[][]): ContactWeek[] {
  return mondays.map((monday, i) => {
    let direct = 0
    let working = 0
    for (const weeks of weeksOf) {
      direct += weeks[i]!.directMinutes
      working += weeks[i]!.workingMinutes
    }
    return { weekStart: monday, directMinutes: direct, workingMinutes: working, share: contactShare(direct, working) }
  })
}

/** The active practitioners of each of these teams now, by team. */
export async function teamPractitioners(db: Db, councilId: string, teamIds: string[]) {
  const byTeam = new Map<string, { personId: string; name: string }[]>(teamIds.map((t) => [t, []]))
  if (!teamIds.length) return byTeam
  const rows = await db
    .select({ teamId: memberships.teamId, personId: people.id, name: people.name, roles: people.roles })
    .from(memberships)
    .innerJoin(people, and(eq(people.id, memberships.personId), eq(people.councilId, memberships.councilId)))
    .where(and(eq(memberships.councilId, councilId), inArray(memberships.teamId, teamIds), eq(people.active, true)))
    .orderBy(asc(people.name))
  for (const r of rows)
    if ((r.roles as string[]).includes('practitioner'))
      byTeam.get(r.teamId)?.push({ personId: r.personId, name: r.name })
  return byTeam
}

/**
 * Time that respects families: the teams' booked visits and meetings recorded between two moments
 * (finalised notes of a booked visit), and of them those kept on time, rearranged at under 24
 * hours' notice, and missed. By team, and by the week (Monday, London) when `byWeek`.
 */
export async function appointmentCounts(db: Db, councilId: string, teamIds: string[], from: Date, to: Date) {
  if (!teamIds.length) return []
  return db
    .select({
      teamId: sql<string>`${notes.teamId}`,
      monday: sql<string>`to_char(date_trunc('week', ${notes.happenedAt} at time zone 'Europe/London'), 'YYYY-MM-DD')`,
      appointments: sql<number>`count(*)::int`,
      onTime: sql<number>`(count(*) filter (where ${notes.appointment} = 'on_time'))::int`,
      shortNotice: sql<number>`(count(*) filter (where ${notes.appointment} = 'rearranged'
        and ${notes.noticeHours} < ${SHORT_NOTICE_HOURS}))::int`,
      missed: sql<number>`(count(*) filter (where ${notes.appointment} = 'missed'))::int`,
    })
    .from(notes)
    .where(
      and(
        eq(notes.councilId, councilId),
        inArray(notes.teamId, teamIds),
        eq(notes.status, 'final'),
        sql`${notes.visitId} is not null and ${notes.appointment} <> 'unplanned'`,
        gte(notes.happenedAt, from),
        lt(notes.happenedAt, to),
      ),
    )
    .groupBy(sql`1`, sql`2`)
}
