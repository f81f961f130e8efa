import { writeAudit } from '@hearth/db/audit'
import { placeContactHold } from '@hearth/db/contact'
import type { Deps } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import { getFamilyContact } from './get-family-contact'
import type { Caller } from '../../kernel/caller'

/** The team marks the family "do not contact without checking"; anything waiting is held at once. */
export async function placeFamilyHold(deps: Deps, caller: Caller, familyId: string, input: { note: string }) {
  await deps.db.transaction(async (tx) => {
    const id = await placeContactHold(tx, {
      councilId: caller.councilId,
      familyId,
      reason: 'lead_marked',
      note: input.note,
      startedBy: caller.audit.actorPersonId,
    })
    if (!id) throw new AppError('conflict', 'The team has already asked that the family is not contacted.')
    await writeAudit(tx, {
      ...caller.audit,
      action: 'contact_hold.place',
      recordType: 'contact_hold',
      recordId: id,
      familyId,
    })
  })
  return getFamilyContact(deps, caller, familyId)
}
