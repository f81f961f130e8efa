import { and, eq, inArray } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import { families } from '@hearth/db/schema/families'
import type { Commission } from '@hearth/db/schema/insight'
import { people, teams } from '@hearth/db/schema/organisation'
import { proposals } from '@hearth/db/schema/sign-off'
import { together } from '@hearth/db/together'
import { totalPence } from '@hearth/domain/sign-off'
import { workingDayDeadline } from '@hearth/domain/working-days'
import { councilHolidays } from '../calendar/calendar-queries'
import { holdingTeamId } from '../families/family-queries'
import { waitWorkingDays } from './insight-queries'
import type { Caller } from '../../kernel/caller'

/** Whole weeks a service runs, counting both the first and the last day. */
export function weeksBetween(startDate: string, endDate: string): number {
  const days = Math.round((Date.parse(`${endDate}T12:00:00Z`) - Date.parse(`${startDate}T12:00:00Z`)) / 86_400_000) + 1
  return Math.max(1, Math.ceil(days / 7))
}

export async function views(db: Db, councilId: string, rows: Commission[]) {
  if (!rows.length) return []
  const personIds = [...new Set(rows.flatMap((r) => [r.askedBy, r.takenBy]).filter(Boolean))] as string[]
  const proposalIds = rows.map((r) => r.proposalId).filter(Boolean) as string[]
  const [ps, fs, ts, pr, holidays, setting] = await together(
    db,
    () =>
      db
        .select({ id: people.id, name: people.name })
        .from(people)
        .where(and(eq(people.councilId, councilId), inArray(people.id, personIds))),
    () =>
      db
        .select({ id: families.id, name: families.name })
        .from(families)
        .where(and(eq(families.councilId, councilId), inArray(families.id, [...new Set(rows.map((r) => r.familyId))]))),
    () =>
      db
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(and(eq(teams.councilId, councilId), inArray(teams.id, [...new Set(rows.map((r) => r.teamId))]))),
    () =>
      proposalIds.length
        ? db
            .select({ id: proposals.id, status: proposals.status, route: proposals.route })
            .from(proposals)
            .where(and(eq(proposals.councilId, councilId), inArray(proposals.id, proposalIds)))
        : [],
    () => councilHolidays(db, councilId),
    () => waitWorkingDays(db, councilId),
  )
  const n = new Map([...ps, ...fs, ...ts].map((x) => [x.id, x.name]))
  const now = Date.now()
  return rows.map((r) => {
    const p = pr.find((x) => x.id === r.proposalId)
    const total =
      r.weeklyPence !== null && r.startDate && r.endDate
        ? totalPence(r.weeklyPence, weeksBetween(r.startDate, r.endDate))
        : null
    return {
      id: r.id,
      teamId: r.teamId,
      teamName: n.get(r.teamId) ?? '',
      familyId: r.familyId,
      familyName: n.get(r.familyId) ?? '',
      askedByName: n.get(r.askedBy) ?? '',
      askedAt: r.askedAt.toISOString(),
      need: r.need,
      why: r.why,
      familyView: r.familyView,
      weeks: r.weeks,
      budgetPence: r.budgetPence,
      status: r.status,
      takenById: r.takenBy,
      takenByName: r.takenBy ? (n.get(r.takenBy) ?? null) : null,
      providerName: r.providerName,
      serviceId: r.serviceId,
      weeklyPence: r.weeklyPence,
      totalPence: total,
      startDate: r.startDate,
      endDate: r.endDate,
      proposalId: r.proposalId,
      proposalStatus: p?.status ?? null,
      route: p?.route ?? null,
      overBudget: total !== null && total > r.budgetPence,
      waitingTooLong:
        r.status === 'waiting' &&
        workingDayDeadline(r.askedAt, setting.waitWorkingDays, holidays).dueAt.getTime() <= now,
    }
  })
}

export async function canSee(db: Db | Tx, caller: Caller, r: Commission) {
  if (caller.roles.includes('insight_adviser')) return true
  if (!caller.roles.includes('practitioner')) return false
  const holder = (await holdingTeamId(db, caller.councilId, r.familyId)) ?? r.teamId
  return caller.teams.some((t) => t.id === holder)
}
