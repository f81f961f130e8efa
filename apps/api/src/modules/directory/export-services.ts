import type { Ctx, Deps } from '../../kernel/context'
import { orukPage } from '@hearth/contracts/open-referral'
import { toOruk } from './directory-queries'

export async function exportServices(deps: Deps, ctx: Ctx) {
  const { db } = deps
  const { councilId } = ctx
  return orukPage(await toOruk(db, councilId))
}
