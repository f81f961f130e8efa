import type { Deps } from '../../kernel/context'
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm'
import { insightRequests } from '@hearth/db/schema/insight'
import { allocations } from '@hearth/db/schema/team-board'
import { holdingTeams } from '../families/family-queries'
import { familyOpenTo } from '../../kernel/family-access'
import { views } from './insight-queries'
import type { Caller } from '../../kernel/caller'

export async function listInsightRequests(
  deps: Deps,
  caller: Caller,
  q: { view: 'waiting' | 'mine' | 'done' | 'team'; teamId?: string },
) {
  const { db } = deps
  // a restricted family's request, or one about a family the caller knows, is kept from them
  const conds = [eq(insightRequests.councilId, caller.councilId), familyOpenTo(caller, insightRequests.familyId)]
  const adviser = caller.roles.includes('insight_adviser')
  let order = asc(insightRequests.askedAt)
  if (q.view === 'team' || !adviser) {
    const mine = caller.teams.filter((t) => t.kind === 'family_facing').map((t) => t.id)
    const wanted = q.teamId ? mine.filter((t) => t === q.teamId) : mine
    if (!wanted.length) return []
    // the team's own requests, and those about families it holds now (asked before a hand-over)
    conds.push(
      or(
        inArray(insightRequests.teamId, wanted),
        sql`${insightRequests.familyId} in (select a.family_id from ${allocations} a where a.council_id = ${caller.councilId} and a.role = 'lead' and a.ended_at is null and a.team_id in ${wanted})`,
      )!,
    )
    order = desc(insightRequests.askedAt)
  } else if (q.view === 'waiting') conds.push(eq(insightRequests.status, 'waiting'))
  else if (q.view === 'mine')
    conds.push(eq(insightRequests.takenBy, caller.personId), inArray(insightRequests.status, ['taken', 'booked']))
  else {
    conds.push(eq(insightRequests.status, 'advice_given'))
    order = desc(insightRequests.adviceAt)
  }
  let rows = await db
    .select()
    .from(insightRequests)
    .where(and(...conds))
    .orderBy(order)
    .limit(300)
  // a practitioner sees a family's request only while their team holds the family (one query for all the families)
  if (!adviser) {
    const holder = await holdingTeams(db, caller.councilId, [
      ...new Set(rows.map((r) => r.familyId).filter(Boolean)),
    ] as string[])
    const mine = caller.teams.map((t) => t.id)
    rows = rows.filter((r) => mine.includes(r.familyId ? (holder.get(r.familyId) ?? r.teamId) : r.teamId))
  }
  return views(db, caller.councilId, rows)
}
