import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'
import { chronologyParts } from './chronology-parts'
import { familyInScope, holdingTeamId } from './family-queries'

/**
 * The family's story in one list, newest first: every capability's part (referrals, who held
 * the family, visits, notes, the plan, the network, steps, what the family said, …), each line
 * with the words for its kind.
 */
export async function getFamilyChronology(deps: Deps, caller: Caller, familyId: string) {
  await familyInScope(deps.db, caller.councilId, caller.familyScope, familyId)
  const holderTeamId = await holdingTeamId(deps.db, caller.councilId, familyId)
  const ask = { deps, caller, familyId, holderTeamId }
  const lists = await Promise.all(
    (await chronologyParts()).map(async (part) =>
      (await part.entries(ask)).map((e) => ({ ...e, kindLabel: part.kinds[e.kind] ?? e.kind })),
    ),
  )
  return lists
    .flat()
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .map((e) => ({ ...e, childIds: e.childIds ?? [], at: e.at.toISOString() }))
}
