import { and, desc, eq, inArray } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import type { Db, Tx } from '@hearth/db/client'
import { families } from '@hearth/db/schema/families'
import { insightRequests, insightSettings, type InsightRequest } from '@hearth/db/schema/insight'
import { people, teams } from '@hearth/db/schema/organisation'
import { together } from '@hearth/db/together'
import { DEFAULT_INSIGHT_WAIT_WORKING_DAYS, topicLabel, type InsightKind } from '@hearth/domain/insight'
import { workingDayDeadline } from '@hearth/domain/working-days'
import { AppError, notFound } from '../../kernel/errors'
import { councilHolidays } from '../calendar/calendar-queries'
import { holdingTeamId } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'

export interface AskInput {
  kind: InsightKind
  topic: string
  familyId?: string | null
  teamId?: string | null
  question: string
}

export async function waitWorkingDays(db: Db, councilId: string) {
  const [row] = await db
    .select()
    .from(insightSettings)
    .where(eq(insightSettings.councilId, councilId))
    .orderBy(desc(insightSettings.setAt))
    .limit(1)
  return row
    ? { waitWorkingDays: row.waitWorkingDays, councilOwn: true }
    : { waitWorkingDays: DEFAULT_INSIGHT_WAIT_WORKING_DAYS, councilOwn: false }
}

export async function views(db: Db, councilId: string, rows: InsightRequest[]) {
  if (!rows.length) return []
  const personIds = [...new Set(rows.flatMap((r) => [r.askedBy, r.takenBy]).filter(Boolean))] as string[]
  const familyIds = [...new Set(rows.map((r) => r.familyId).filter(Boolean))] as string[]
  const teamIds = [...new Set(rows.map((r) => r.teamId))]
  const [ps, fs, ts, holidays, setting] = await together(
    db,
    () =>
      db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.councilId, councilId), inArray(people.id, personIds))),
    () =>
      familyIds.length
        ? db
            .select({ id: families.id, name: families.name })
            .from(families)
            .where(and(eq(families.councilId, councilId), inArray(families.id, familyIds)))
        : [],
    () =>
      db
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(and(eq(teams.councilId, councilId), inArray(teams.id, teamIds))),
    () => councilHolidays(db, councilId),
    () => waitWorkingDays(db, councilId),
  )
  const n = new Map([...ps, ...fs, ...ts].map((x) => [x.id, x.name]))
  const now = Date.now()
  return rows.map((r) => {
    const due = workingDayDeadline(r.askedAt, setting.waitWorkingDays, holidays).dueAt
    return {
      id: r.id,
      kind: r.kind,
      topic: r.topic,
      topicLabel: topicLabel(r.kind, r.topic),
      teamId: r.teamId,
      teamName: n.get(r.teamId) ?? '',
      familyId: r.familyId,
      familyName: r.familyId ? (n.get(r.familyId) ?? null) : null,
      question: r.question,
      askedByName: n.get(r.askedBy) ?? '',
      askedAt: r.askedAt.toISOString(),
      status: r.status,
      takenById: r.takenBy,
      takenByName: r.takenBy ? (n.get(r.takenBy) ?? null) : null,
      takenAt: r.takenAt?.toISOString() ?? null,
      sessionAt: r.sessionAt?.toISOString() ?? null,
      sessionMinutes: r.sessionMinutes,
      attendees: r.attendees,
      advice: r.advice,
      adviceAt: r.adviceAt?.toISOString() ?? null,
      waitDueAt: due.toISOString(),
      waitingTooLong: r.status === 'waiting' && due.getTime() <= now,
    }
  })
}

export async function load(db: Db, councilId: string, id: string) {
  const [r] = await db
    .select()
    .from(insightRequests)
    .where(and(eq(insightRequests.councilId, councilId), eq(insightRequests.id, id)))
  if (!r) throw notFound('request')
  return r
}

/** Advisers see every request; a practitioner sees their team's, and a family's only while their team holds it. */
export async function canSee(db: Db | Tx, caller: Caller, r: InsightRequest) {
  if (caller.roles.includes('insight_adviser')) return true
  if (!caller.roles.includes('practitioner')) return false
  const mine = caller.teams.map((t) => t.id)
  if (!r.familyId) return mine.includes(r.teamId)
  const holder = (await holdingTeamId(db, caller.councilId, r.familyId)) ?? r.teamId
  return mine.includes(holder)
}

export async function transition(
  db: Db,
  caller: Caller,
  id: string,
  action: string,
  from: InsightRequest['status'][],
  set: Partial<typeof insightRequests.$inferInsert>,
  mustHold: boolean,
  after?: (tx: Tx, row: InsightRequest) => Promise<void>,
) {
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(insightRequests)
      .where(and(eq(insightRequests.councilId, caller.councilId), eq(insightRequests.id, id)))
      .for('update')
    if (!r) throw notFound('request')
    if (!from.includes(r.status))
      throw new AppError(
        'conflict',
        r.status === 'waiting'
          ? 'Take the request first.'
          : r.status === 'advice_given'
            ? 'The advice has already been recorded.'
            : r.status === 'withdrawn'
              ? 'The team withdrew this request.'
              : 'Someone has already taken this request.',
      )
    if (mustHold && r.takenBy !== caller.personId)
      throw new AppError(
        'forbidden',
        'Only the adviser who took this request can do that. Ask them, or ask them to hand it back.',
      )
    const [u] = await tx
      .update(insightRequests)
      .set(set)
      .where(and(eq(insightRequests.councilId, caller.councilId), eq(insightRequests.id, id)))
      .returning()
    await writeAudit(tx, { ...caller.audit, action, recordType: 'insight_request', recordId: id, familyId: r.familyId })
    await after?.(tx, u!)
    return u!
  })
  return (await views(db, caller.councilId, [row]))[0]!
}
