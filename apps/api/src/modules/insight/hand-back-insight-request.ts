import type { Ctx, Deps } from '../../kernel/context'
import type { Actor } from '../../plugins/auth'
import { transition } from './insight-queries'

export async function handBackInsightRequest(deps: Deps, ctx: Ctx, actor: Actor, id: string) {
  const { db } = deps
  return transition(
    db,
    ctx,
    actor,
    id,
    'insight.hand_back',
    ['taken', 'booked'],
    { status: 'waiting', takenBy: null, takenAt: null, sessionAt: null, sessionMinutes: null, attendees: null },
    true,
  )
}
