import type { Ctx, Deps } from '../../kernel/context'
import { teamWithCounts } from './organisation-queries'

export async function listTeams(deps: Deps, ctx: Ctx) {
  const { db } = deps
  const { councilId } = ctx
  return teamWithCounts(db, councilId)
}
