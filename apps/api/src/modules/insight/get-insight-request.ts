import type { Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import { canSee, load, views } from './insight-queries'
import type { Caller } from '../../kernel/caller'

export async function getInsightRequest(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  const r = await load(db, caller.councilId, id)
  if (!(await canSee(db, caller, r))) throw notFound('request')
  return (await views(db, caller.councilId, [r]))[0]!
}
