import { and, desc, eq } from 'drizzle-orm'
import { people } from '@hearth/db/schema/organisation'
import { teamDecisions } from '@hearth/db/schema/team-board'
import { myTeam, names } from './team-board-queries'
import type { Deps } from '../../kernel/context'
import type { Caller } from '../../kernel/caller'

export async function listTeamDecisions(deps: Deps, caller: Caller, teamId: string) {
  const { db } = deps
  await myTeam(db, caller, teamId)
  const rows = await db
    .select({ d: teamDecisions, recordedByName: people.name })
    .from(teamDecisions)
    .innerJoin(people, and(eq(people.id, teamDecisions.recordedBy), eq(people.councilId, teamDecisions.councilId)))
    .where(and(eq(teamDecisions.councilId, caller.councilId), eq(teamDecisions.teamId, teamId)))
    .orderBy(desc(teamDecisions.decidedAt))
    .limit(200)
  const n = await names(db, caller.councilId, [...new Set(rows.flatMap((r) => r.d.presentIds))])
  return rows.map(({ d, recordedByName }) => ({
    id: d.id,
    kind: d.kind,
    summary: d.summary,
    present: d.presentIds.map((id) => n.get(id) ?? ''),
    recordedByName,
    decidedAt: d.decidedAt.toISOString(),
  }))
}
