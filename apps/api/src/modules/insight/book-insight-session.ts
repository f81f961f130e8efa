import type { Deps } from '../../kernel/context'
import { enqueueInTx } from '@hearth/jobs'
import { transition } from './insight-queries'
import type { Caller } from '../../kernel/caller'

export async function bookInsightSession(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { sessionAt: string; sessionMinutes: number; attendees: string },
) {
  const { db } = deps
  // the room and the invitations go to the enablers (through the outbox, in the same transaction)
  return transition(
    db,
    caller,
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
      enqueueInTx(tx, caller.councilId, 'admin.tasks', {
        councilId: caller.councilId,
        trigger: 'insight.session_booked',
        subjectId: row.id,
      }).then(() => {}),
  )
}
