import { inArray } from 'drizzle-orm'
import { clockDues } from '@hearth/db/schema/case-process'
import type { Deps } from '../../kernel/context'
import { myTeam } from '../team-board/team-board-queries'
import type { Caller } from '../../kernel/caller'
import { dueOf, heldFamilies } from './case-process-queries'

/** Every clock running for the families the actor works with (lead or co-worker), soonest first. */
export async function myClocks(deps: Deps, caller: Caller) {
  const ids = await heldFamilies(deps.db, caller.councilId, { personId: caller.personId })
  return ids.length ? dueOf(deps.db, caller.councilId, inArray(clockDues.familyId, ids)) : []
}

/** Every clock running for the families the team works with, soonest first: nobody's name on it. */
export async function teamClocks(deps: Deps, caller: Caller, teamId: string) {
  await myTeam(deps.db, caller, teamId)
  const ids = await heldFamilies(deps.db, caller.councilId, { teamId })
  return ids.length ? dueOf(deps.db, caller.councilId, inArray(clockDues.familyId, ids)) : []
}
