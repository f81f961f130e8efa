import type { Deps } from '../../kernel/context'
import { teamWithCounts } from './organisation-queries'
import type { Caller } from '../../kernel/caller'

export async function listTeams(deps: Deps, caller: Caller) {
  const { db } = deps
  const { councilId } = caller.audit
  return teamWithCounts(db, councilId)
}
