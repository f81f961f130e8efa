import type { Deps } from '../../kernel/context'
import { transition } from './insight-queries'
import type { Caller } from '../../kernel/caller'

export async function adviseInsightRequest(deps: Deps, caller: Caller, id: string, advice: string) {
  const { db } = deps
  return transition(
    db,
    caller,
    id,
    'insight.advice',
    ['taken', 'booked'],
    { status: 'advice_given', advice, adviceAt: new Date() },
    true,
  )
}
