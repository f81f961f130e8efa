import type { Ctx, Deps } from '../../kernel/context'
import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { proposals } from '@hearth/db'
import type { Actor } from '../../plugins/auth'
import { familyOpenTo } from '../../kernel/family-access'
import { views } from './proposal-queries'

export async function listProposals(
  deps: Deps,
  ctx: Ctx,
  actor: Actor,
  where: { view?: 'awaiting' | 'decided'; teamId?: string; familyId?: string },
) {
  const { db } = deps
  const conds = [eq(proposals.councilId, ctx.councilId)]
  if (where.view === 'awaiting') conds.push(inArray(proposals.status, ['awaiting_strategy', 'more_info']))
  if (where.view === 'decided')
    conds.push(inArray(proposals.status, ['approved', 'declined']), eq(proposals.route, 'strategy'))
  if (where.teamId) conds.push(eq(proposals.teamId, where.teamId))
  if (where.familyId) conds.push(eq(proposals.familyId, where.familyId))
  conds.push(familyOpenTo(actor, proposals.familyId))
  if (!actor.roles.includes('strategy_member')) {
    const mine = actor.teams.map((t) => t.id)
    if (!mine.length) return []
    conds.push(inArray(proposals.teamId, mine))
  }
  const rows = await db
    .select()
    .from(proposals)
    .where(and(...conds))
    .orderBy(where.view === 'awaiting' ? asc(proposals.decisionDueAt) : desc(proposals.createdAt))
    .limit(300)
  return views(db, ctx.councilId, rows)
}
