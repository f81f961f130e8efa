import type { Deps } from '../../kernel/context'
import { familyInScope } from '../families/family-queries'
import { networkView, syncFamilyNetwork } from './network-queries'
import type { Caller } from '../../kernel/caller'

/** The people around the family's children and how they are related, with its history. */
export async function getNetwork(deps: Deps, caller: Caller, familyId: string) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  await db.transaction((tx) => syncFamilyNetwork(tx, caller.councilId, familyId))
  return networkView(db, caller.councilId, familyId)
}
