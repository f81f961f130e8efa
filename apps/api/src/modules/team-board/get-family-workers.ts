import type { Ctx, Deps } from '../../kernel/context'
import { and, eq, sql } from 'drizzle-orm'
import { familyLetters, teams } from '@hearth/db'
import { activeWorkers, names } from './team-board-queries'

export async function getFamilyWorkers(deps: Deps, ctx: Ctx, familyId: string) {
  const { db } = deps
  const current = await activeWorkers(db, ctx.councilId, familyId)
  const n = await names(
    db,
    ctx.councilId,
    current.map((a) => a.personId),
  )
  const lead = current.find((a) => a.role === 'lead')
  const [team] = lead
    ? await db
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(and(eq(teams.councilId, lead.councilId), eq(teams.id, lead.teamId)))
    : []
  const [{ waiting }] = (await db
    .select({ waiting: sql<number>`count(*)::int` })
    .from(familyLetters)
    .where(
      and(
        eq(familyLetters.councilId, ctx.councilId),
        eq(familyLetters.familyId, familyId),
        eq(familyLetters.status, 'to_send'),
      ),
    )) as [{ waiting: number }]
  return {
    holdingTeam: team ?? null,
    lead: lead ? { personId: lead.personId, name: n.get(lead.personId) ?? '' } : null,
    coWorkers: current
      .filter((a) => a.role === 'co_worker')
      .map((a) => ({ personId: a.personId, name: n.get(a.personId) ?? '' })),
    lettersWaiting: waiting,
  }
}
