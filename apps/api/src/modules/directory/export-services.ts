import type { Deps } from '../../kernel/context'
import { orukPage } from '@hearth/contracts/open-referral'
import { toOruk } from './directory-queries'
import type { Caller } from '../../kernel/caller'

export async function exportServices(deps: Deps, caller: Caller) {
  const { db } = deps
  const { councilId } = caller.audit
  return orukPage(await toOruk(db, councilId))
}
