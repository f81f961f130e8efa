import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import { familyLetters } from '@hearth/db/schema/contact'
import { children, families } from '@hearth/db/schema/families'
import { memberships, people, teams } from '@hearth/db/schema/organisation'
import { allocations, teamDecisions } from '@hearth/db/schema/team-board'
import { ageInWords } from '@hearth/domain/dates'
import { byUrgencyThenWaiting } from '@hearth/domain/referrals'
import type { Role } from '@hearth/domain/roles'
import { londonDateOf } from '@hearth/domain/working-days'
import { enqueueInTx } from '@hearth/jobs'
import { invalid, notFound } from '../../kernel/errors'
import type { Caller } from '../../kernel/caller'

type Ex = Db | Tx

export const countChildren = (familyId: unknown) =>
  sql<number>`(select count(*)::int from ${children} c where c.council_id = ${families.councilId} and c.family_id = ${familyId})`

/** A family-facing team the actor belongs to; anything else is "not found". */
export async function myTeam(ex: Ex, caller: Caller, teamId: string) {
  if (!caller.teams.some((t) => t.id === teamId && t.kind === 'family_facing')) throw notFound('team')
  const [team] = await ex
    .select()
    .from(teams)
    .where(and(eq(teams.councilId, caller.councilId), eq(teams.id, teamId)))
  if (!team) throw notFound('team')
  return team
}

export async function practitioners(ex: Ex, councilId: string, teamId: string) {
  const rows = await ex
    .select({
      personId: people.id,
      name: people.name,
      roles: people.roles,
      active: people.active,
      cap: memberships.caseloadCap,
    })
    .from(memberships)
    .innerJoin(people, and(eq(people.id, memberships.personId), eq(people.councilId, memberships.councilId)))
    .where(and(eq(memberships.councilId, councilId), eq(memberships.teamId, teamId)))
    .orderBy(asc(people.name))
  return rows.filter((r) => r.active && (r.roles as Role[]).includes('practitioner'))
}

export async function leadChildren(ex: Ex, councilId: string, personId: string): Promise<number> {
  const r =
    await ex.execute(sql`select coalesce(count(c.id), 0)::int as n from ${allocations} a join ${children} c on c.council_id = a.council_id and c.family_id = a.family_id
    where a.council_id = ${councilId} and a.person_id = ${personId} and a.role = 'lead' and a.ended_at is null`)
  return (r as unknown as { rows: { n: number }[] }).rows[0]!.n
}

export async function familyCounts(ex: Ex, councilId: string, personIds: string[]) {
  if (!personIds.length) return new Map<string, number>()
  const rows = await ex
    .select({ personId: allocations.personId, n: sql<number>`count(*)::int` })
    .from(allocations)
    .where(
      and(eq(allocations.councilId, councilId), inArray(allocations.personId, personIds), isNull(allocations.endedAt)),
    )
    .groupBy(allocations.personId)
  return new Map(rows.map((r) => [r.personId, r.n]))
}

export async function names(ex: Ex, councilId: string, ids: string[]) {
  if (!ids.length) return new Map<string, string>()
  const rows = await ex
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.councilId, councilId), inArray(people.id, ids)))
  return new Map(rows.map((r) => [r.id, r.name]))
}

export async function activeWorkers(ex: Ex, councilId: string, familyId: string) {
  return ex
    .select()
    .from(allocations)
    .where(and(eq(allocations.councilId, councilId), eq(allocations.familyId, familyId), isNull(allocations.endedAt)))
}

export async function logDecision(
  tx: Tx,
  v: {
    councilId: string
    teamId: string
    kind: 'allocation' | 'handover' | 'cap' | 'rota' | 'stage' | 'other'
    summary: string
    presentIds: string[]
    recordedBy: string
    familyId?: string
    details?: Record<string, unknown>
  },
) {
  await tx.insert(teamDecisions).values({ ...v, familyId: v.familyId ?? null, details: v.details ?? null })
}

/** The family is told who their workers are: a letter for the enablers to send, queued in this transaction. */
export async function letterToFamily(
  tx: Tx,
  councilId: string,
  familyId: string,
  leadId: string,
  coWorkerIds: string[],
  teamId: string,
) {
  const [letter] = await tx
    .insert(familyLetters)
    .values({ councilId, familyId, kind: 'your_workers', details: { leadId, coWorkerIds } })
    .returning({ id: familyLetters.id })
  await enqueueInTx(tx, councilId, 'admin.tasks', {
    councilId,
    trigger: 'workers.changed',
    subjectId: letter!.id,
    teamId,
  })
}

export async function assertPresentInTeam(tx: Tx, councilId: string, teamId: string, presentIds: string[]) {
  if (!presentIds.length) return
  const rows = await tx
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.councilId, councilId),
        eq(memberships.teamId, teamId),
        inArray(memberships.personId, presentIds),
      ),
    )
  const found = new Set(rows.map((r) => r.personId))
  const i = presentIds.findIndex((id) => !found.has(id))
  if (i >= 0) throw invalid(`body.presentIds.${i}`, 'this person is not in the team')
}

/**
 * Families waiting on a board, as the board shows them: the most urgent decision first (a
 * safeguarding enquiry, then an assessment, then early help), then the longest waiting, with each
 * child's age in words.
 */
export async function asWaitingOffers<
  T extends { familyId: string; offeredAt: Date; decision: string | null; childCount: number },
>(ex: Ex, councilId: string, rows: T[], now = new Date()) {
  const familyIds = [...new Set(rows.map((r) => r.familyId))]
  const kids = familyIds.length
    ? await ex
        .select({
          familyId: children.familyId,
          dateOfBirth: children.dateOfBirth,
          expected: children.expectedDateOfBirth,
        })
        .from(children)
        .where(and(eq(children.councilId, councilId), inArray(children.familyId, familyIds)))
        .orderBy(asc(children.dateOfBirth))
    : []
  const today = londonDateOf(now)
  return [...rows].sort(byUrgencyThenWaiting).map((r) => ({
    ...r,
    offeredAt: r.offeredAt.toISOString(),
    waitingMinutes: Math.max(0, Math.round((now.getTime() - r.offeredAt.getTime()) / 60_000)),
    childAges: kids.filter((k) => k.familyId === r.familyId).map((k) => ageInWords(k.dateOfBirth, k.expected, today)),
  }))
}
