import type { Deps } from '../../kernel/context'
import { transition } from './insight-queries'
import type { Caller } from '../../kernel/caller'

/** Atomic: of many advisers taking the same request at once, one gets it. */
export async function takeInsightRequest(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  return transition(
    db,
    caller,
    id,
    'insight.take',
    ['waiting'],
    { status: 'taken', takenBy: caller.personId, takenAt: new Date() },
    false,
  )
}
