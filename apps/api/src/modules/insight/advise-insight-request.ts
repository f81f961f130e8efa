import type { Ctx, Deps } from '../../kernel/context'
import type { Actor } from '../../plugins/auth'
import { transition } from './insight-queries'

export async function adviseInsightRequest(deps: Deps, ctx: Ctx, actor: Actor, id: string, advice: string) {
  const { db } = deps
  return transition(
    db,
    ctx,
    actor,
    id,
    'insight.advice',
    ['taken', 'booked'],
    { status: 'advice_given', advice, adviceAt: new Date() },
    true,
  )
}
