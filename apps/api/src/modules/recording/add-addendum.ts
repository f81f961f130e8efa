import { writeAudit } from '@hearth/db/audit'
import { noteAddenda } from '@hearth/db/schema/recording'
import type { Deps } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import { noteFor, noteViews } from './note-queries'
import type { Caller } from '../../kernel/caller'

/** A correction or addition to a finalised note, by anyone working with the family: who, when, why. */
export async function addAddendum(deps: Deps, caller: Caller, noteId: string, input: { reason: string; text: string }) {
  const { db } = deps
  const n = await noteFor(db, caller, noteId)
  if (n.status !== 'final') throw new AppError('conflict', 'A draft is changed, not added to: this note is a draft.')
  await db.transaction(async (tx) => {
    const [a] = await tx
      .insert(noteAddenda)
      .values({
        councilId: caller.councilId,
        noteId,
        authorId: caller.personId,
        reason: input.reason,
        text: input.text,
      })
      .returning({ id: noteAddenda.id })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'note.addendum',
      recordType: 'note',
      recordId: noteId,
      familyId: n.familyId,
      details: { addendumId: a!.id },
    })
  })
  return (await noteViews(db, caller.councilId, [n]))[0]!
}
