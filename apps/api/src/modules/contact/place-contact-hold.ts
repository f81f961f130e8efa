import { placeContactHold, writeAudit } from '@hearth/db'
import type { Ctx, Deps } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import { getFamilyContact } from './get-family-contact'

/** The team marks the family "do not contact without checking"; anything waiting is held at once. */
export async function placeFamilyHold(deps: Deps, ctx: Ctx, familyId: string, input: { note: string }) {
  await deps.db.transaction(async (tx) => {
    const id = await placeContactHold(tx, {
      councilId: ctx.councilId,
      familyId,
      reason: 'lead_marked',
      note: input.note,
      startedBy: ctx.actorPersonId,
    })
    if (!id) throw new AppError('conflict', 'The team has already asked that the family is not contacted.')
    await writeAudit(tx, { ...ctx, action: 'contact_hold.place', recordType: 'contact_hold', recordId: id, familyId })
  })
  return getFamilyContact(deps, ctx, familyId)
}
