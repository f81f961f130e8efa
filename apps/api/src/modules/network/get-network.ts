import type { Ctx, Deps } from '../../kernel/context'
import type { Actor } from '../../plugins/auth'
import { familyInScope } from '../families/family-queries'
import { networkView, syncFamilyNetwork } from './network-queries'

/** The people around the family's children and how they are related, with its history. */
export async function getNetwork(deps: Deps, ctx: Ctx, actor: Actor, familyId: string) {
  const { db } = deps
  await familyInScope(db, actor.councilId, actor.familyScope, familyId)
  await db.transaction((tx) => syncFamilyNetwork(tx, ctx.councilId, familyId))
  return networkView(db, ctx.councilId, familyId)
}
