import { stopRecordClock } from '@hearth/db/record-clocks'
import { londonDateOf } from '@hearth/domain/working-days'
import type { Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import type { Caller } from '../../kernel/caller'

import { setStatus, transition } from './sar-queries'

/** The copy sent to the requester: the request closes, its clock stops. */
export function markSarSent(deps: Deps, caller: Caller, id: string, sentOn: string) {
  return transition(deps, caller, id, 'sar.sent', async (tx, sar) => {
    if (sar.status !== 'ready') throw new AppError('conflict', 'Produce the copy before saying it was sent.')
    if (sentOn > londonDateOf(new Date())) throw invalid('body.sentOn', 'must be today or before')
    if (sentOn < sar.receivedOn) throw invalid('body.sentOn', 'must be on or after the day the request came')
    await setStatus(tx, caller, id, { status: 'sent', sentOn, sentBy: caller.audit.actorPersonId })
    await stopRecordClock(tx, caller.councilId, 'subject_access', id)
  })
}
