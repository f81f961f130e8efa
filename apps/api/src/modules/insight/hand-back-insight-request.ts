import type { Deps } from '../../kernel/context'
import { transition } from './insight-queries'
import type { Caller } from '../../kernel/caller'

export async function handBackInsightRequest(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  return transition(
    db,
    caller,
    id,
    'insight.hand_back',
    ['taken', 'booked'],
    { status: 'waiting', takenBy: null, takenAt: null, sessionAt: null, sessionMinutes: null, attendees: null },
    true,
  )
}
