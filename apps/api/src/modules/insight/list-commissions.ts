import type { Deps } from '../../kernel/context'
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm'
import { commissions } from '@hearth/db/schema/insight'
import { allocations } from '@hearth/db/schema/team-board'
import { familyOpenTo } from '../../kernel/family-access'
import { holdingTeams } from '../families/family-queries'
import { views } from './commission-queries'
import type { Caller } from '../../kernel/caller'

export async function listCommissions(deps: Deps, caller: Caller, view: 'waiting' | 'mine' | 'done' | 'team') {
  const { db } = deps
  const conds = [eq(commissions.councilId, caller.councilId)]
  const adviser = caller.roles.includes('insight_adviser')
  if (view === 'team' || !adviser) {
    const mine = caller.teams.map((t) => t.id)
    if (!mine.length) return []
    conds.push(
      or(
        inArray(commissions.teamId, mine),
        sql`${commissions.familyId} in (select a.family_id from ${allocations} a where a.council_id = ${caller.councilId} and a.role = 'lead' and a.ended_at is null and a.team_id in ${mine})`,
      )!,
    )
  } else if (view === 'waiting') conds.push(eq(commissions.status, 'waiting'))
  else if (view === 'mine') conds.push(eq(commissions.takenBy, caller.personId), eq(commissions.status, 'taken'))
  else conds.push(eq(commissions.status, 'commissioned'))
  conds.push(familyOpenTo(caller, commissions.familyId))
  let rows = await db
    .select()
    .from(commissions)
    .where(and(...conds))
    .orderBy(view === 'waiting' ? asc(commissions.askedAt) : desc(commissions.askedAt))
    .limit(300)
  if (!adviser) {
    // a family's commission is for the team holding the family now (one query for all the families)
    const holder = await holdingTeams(db, caller.councilId, [...new Set(rows.map((r) => r.familyId))])
    const mine = caller.teams.map((t) => t.id)
    rows = rows.filter((r) => mine.includes(holder.get(r.familyId) ?? r.teamId))
  }
  return views(db, caller.councilId, rows)
}
