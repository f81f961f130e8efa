import type { Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import { canSee, load, views } from './proposal-queries'
import type { Caller } from '../../kernel/caller'

export async function getProposal(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  const p = await load(db, caller.councilId, id)
  if (!canSee(caller, p)) throw notFound('proposal')
  return (await views(db, caller.councilId, [p]))[0]!
}
