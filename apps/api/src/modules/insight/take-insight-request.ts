import type { Ctx, Deps } from '../../kernel/context'
import type { Actor } from '../../plugins/auth'
import { transition } from './insight-queries'

/** Atomic: of many advisers taking the same request at once, one gets it. */
export async function takeInsightRequest(deps: Deps, ctx: Ctx, actor: Actor, id: string) {
  const { db } = deps
  return transition(
    db,
    ctx,
    actor,
    id,
    'insight.take',
    ['waiting'],
    { status: 'taken', takenBy: actor.personId, takenAt: new Date() },
    false,
  )
}
