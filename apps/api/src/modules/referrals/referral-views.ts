import { shownPostcode } from '../families/family-queries'
import { and, eq, inArray } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import { children, families } from '@hearth/db/schema/families'
import { teams } from '@hearth/db/schema/organisation'
import { offers, referralChildren, referrals, type Referral } from '@hearth/db/schema/referrals'
import { clockState, type HolidaySet } from '@hearth/domain/working-days'
import { notFound } from '../../kernel/errors'
import { councilHolidays } from '../calendar/calendar-queries'

export function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (
    let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined, i = 0;
    e && i < 3;
    e = e.cause as typeof e, i++
  ) {
    if (e.code === '23505' && (!constraint || e.constraint === constraint)) return true
  }
  return false
}

export function clockOf(r: Referral, holidays: HolidaySet, now = new Date()) {
  let state: 'on_track' | 'due_soon' | 'overdue' | 'met' | 'missed'
  if (r.decidedAt) state = r.decidedAt.getTime() < r.dueAt.getTime() ? 'met' : 'missed'
  else state = clockState(now, r.dueDate, r.dueAt, holidays)
  return { dueDate: r.dueDate, dueAt: r.dueAt.toISOString(), state }
}

export async function summaries(db: Db, councilId: string, rows: Referral[], personId: string | null = null) {
  if (rows.length === 0) return []
  const holidays = await councilHolidays(db, councilId)
  const ids = rows.map((r) => r.id)
  const famRows = await db
    .select({ id: families.id, name: families.name, postcode: shownPostcode(personId) })
    .from(families)
    .where(and(eq(families.councilId, councilId), inArray(families.id, [...new Set(rows.map((r) => r.familyId))])))
  const kids = await db
    .select({ referralId: referralChildren.referralId, firstName: children.firstName, lastName: children.lastName })
    .from(referralChildren)
    .innerJoin(
      children,
      and(eq(children.id, referralChildren.childId), eq(children.councilId, referralChildren.councilId)),
    )
    .where(and(eq(referralChildren.councilId, councilId), inArray(referralChildren.referralId, ids)))
  const teamIds = [...new Set(rows.flatMap((r) => [r.routedTeamId, r.openCaseTeamId]).filter(Boolean))] as string[]
  const teamRows = teamIds.length
    ? await db
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(and(eq(teams.councilId, councilId), inArray(teams.id, teamIds)))
    : []
  const famById = new Map(famRows.map((f) => [f.id, f]))
  const teamName = (id: string | null) => (id ? (teamRows.find((t) => t.id === id)?.name ?? null) : null)
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    receivedAt: r.receivedAt.toISOString(),
    source: r.source,
    familyId: r.familyId,
    familyName: famById.get(r.familyId)?.name ?? '',
    postcode: famById.get(r.familyId)?.postcode ?? '',
    childNames: kids.filter((k) => k.referralId === r.id).map((k) => `${k.firstName} ${k.lastName}`),
    status: r.status,
    decision: r.decision,
    clock: clockOf(r, holidays),
    routingStatus: r.routingStatus,
    routingNote: r.routingNote,
    routedTeamName: teamName(r.routedTeamId),
    openCase: !!r.openCaseTeamId,
    openCaseTeamName: teamName(r.openCaseTeamId),
  }))
}

export async function loadReferral(ex: Db | Tx, councilId: string, id: string) {
  const [r] = await ex
    .select()
    .from(referrals)
    .where(and(eq(referrals.councilId, councilId), eq(referrals.id, id)))
  if (!r) throw notFound('referral')
  return r
}

export async function openTeamOf(ex: Db | Tx, councilId: string, familyId: string): Promise<string | null> {
  const [open] = await ex
    .select({ teamId: offers.teamId })
    .from(offers)
    .where(
      and(eq(offers.councilId, councilId), eq(offers.familyId, familyId), inArray(offers.status, ['waiting', 'held'])),
    )
    .limit(1)
  return open?.teamId ?? null
}
