import type { Ctx, Deps } from '../../kernel/context'
import { enqueueInTx } from '@hearth/jobs'
import type { Actor } from '../../plugins/auth'
import { transition } from './insight-queries'

export async function bookInsightSession(
  deps: Deps,
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { sessionAt: string; sessionMinutes: number; attendees: string },
) {
  const { db } = deps
  // the room and the invitations go to the enablers (through the outbox, in the same transaction)
  return transition(
    db,
    ctx,
    actor,
    id,
    'insight.book',
    ['taken', 'booked'],
    {
      status: 'booked',
      sessionAt: new Date(input.sessionAt),
      sessionMinutes: input.sessionMinutes,
      attendees: input.attendees,
    },
    true,
    (tx, row) =>
      enqueueInTx(tx, ctx.councilId, 'admin.tasks', {
        councilId: ctx.councilId,
        trigger: 'insight.session_booked',
        subjectId: row.id,
      }).then(() => {}),
  )
}
