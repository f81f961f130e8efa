import { writeAudit } from '@hearth/db/audit'
import { recordClockDue, startRecordClock } from '@hearth/db/record-clocks'
import { nextReference } from '@hearth/db/references'
import { subjectAccessRequests } from '@hearth/db/schema/records'
import type { SarCreate } from '@hearth/contracts/records'
import { londonDateOf } from '@hearth/domain/working-days'
import type { Deps } from '../../kernel/context'
import { invalid } from '../../kernel/errors'
import type { Caller } from '../../kernel/caller'

import { gatherInTx, sarView } from './sar-queries'
import { sarFamily } from './find-sar-family'

export async function createSar(deps: Deps, caller: Caller, input: SarCreate) {
  const family = await sarFamily(deps, caller, input.reference)
  const who = family.people.find((p) => p.kind === input.requesterKind && p.id === input.requesterId)
  if (!who) throw invalid('body.requesterId', 'choose someone of this family')
  const today = londonDateOf(new Date())
  if (input.receivedOn > today) throw invalid('body.receivedOn', 'must be today or before')
  const id = await deps.db.transaction(async (tx) => {
    const due = await recordClockDue(tx, caller.councilId, 'subject_access', input.receivedOn)
    const [sar] = await tx
      .insert(subjectAccessRequests)
      .values({
        councilId: caller.councilId,
        reference: await nextReference(tx, 'sar'),
        familyId: family.familyId,
        requesterKind: input.requesterKind,
        requesterId: input.requesterId,
        receivedOn: input.receivedOn,
        dueOn: due.dueOn,
        createdBy: caller.audit.actorPersonId!,
      })
      .returning()
    const clock = {
      clock: 'subject_access',
      recordId: sar!.id,
      familyId: family.familyId,
      startOn: input.receivedOn,
    } as const
    await startRecordClock(tx, caller.councilId, clock, due.dueOn)
    await gatherInTx(tx, caller, sar!)
    await writeAudit(tx, {
      ...caller.audit,
      action: 'sar.create',
      recordType: 'subject_access_request',
      recordId: sar!.id,
      familyId: family.familyId,
      details: { requesterKind: input.requesterKind, requesterId: input.requesterId },
    })
    return sar!.id
  })
  return sarView(deps, caller, id)
}
