import { noteAddenda, writeAudit } from '@hearth/db'
import type { Ctx, Deps } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { noteFor, noteViews } from './note-queries'

/** A correction or addition to a finalised note, by anyone working with the family: who, when, why. */
export async function addAddendum(
  deps: Deps,
  ctx: Ctx,
  actor: Actor,
  noteId: string,
  input: { reason: string; text: string },
) {
  const { db } = deps
  const n = await noteFor(db, actor, noteId)
  if (n.status !== 'final') throw new AppError('conflict', 'A draft is changed, not added to: this note is a draft.')
  await db.transaction(async (tx) => {
    const [a] = await tx
      .insert(noteAddenda)
      .values({ councilId: ctx.councilId, noteId, authorId: actor.personId, reason: input.reason, text: input.text })
      .returning({ id: noteAddenda.id })
    await writeAudit(tx, {
      ...ctx,
      action: 'note.addendum',
      recordType: 'note',
      recordId: noteId,
      familyId: n.familyId,
      details: { addendumId: a!.id },
    })
  })
  return (await noteViews(db, ctx.councilId, [n]))[0]!
}
