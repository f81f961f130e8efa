import type { Deps } from '../../kernel/context'
import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { proposals } from '@hearth/db/schema/sign-off'
import { familyOpenTo } from '../../kernel/family-access'
import { views } from './proposal-queries'
import { familyInScope } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'

export async function listProposals(
  deps: Deps,
  caller: Caller,
  where: { view?: 'awaiting' | 'decided'; teamId?: string; familyId?: string },
) {
  const { db } = deps
  const conds = [eq(proposals.councilId, caller.councilId)]
  if (where.view === 'awaiting') conds.push(inArray(proposals.status, ['awaiting_strategy', 'more_info']))
  if (where.view === 'decided')
    conds.push(inArray(proposals.status, ['approved', 'declined']), eq(proposals.route, 'strategy'))
  if (where.teamId) conds.push(eq(proposals.teamId, where.teamId))
  if (where.familyId) conds.push(eq(proposals.familyId, where.familyId))
  conds.push(familyOpenTo(caller, proposals.familyId))
  if (!caller.roles.includes('strategy_member')) {
    const mine = caller.teams.map((t) => t.id)
    if (!mine.length) return []
    conds.push(inArray(proposals.teamId, mine))
  }
  const rows = await db
    .select()
    .from(proposals)
    .where(and(...conds))
    .orderBy(where.view === 'awaiting' ? asc(proposals.decisionDueAt) : desc(proposals.createdAt))
    .limit(300)
  return views(db, caller.councilId, rows)
}

/**
 * A family's proposals. The family must be this council's and, for a practitioner, in their
 * scope; strategy sees every family's, but not one restricted from them or that they declared
 * they know. Otherwise "not found".
 */
export async function listFamilyProposals(deps: Deps, caller: Caller, familyId: string) {
  const { excluded, personId, glass } = caller.familyScope as {
    excluded?: string[]
    personId?: string
    glass?: string[]
  }
  const scope = caller.roles.includes('strategy_member')
    ? ({ kind: 'all', excluded, personId, glass } as const)
    : caller.familyScope
  await familyInScope(deps.db, caller.councilId, scope, familyId)
  return listProposals(deps, caller, { familyId })
}
