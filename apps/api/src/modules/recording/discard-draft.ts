import { and, eq } from 'drizzle-orm'
import { notes, writeAudit } from '@hearth/db'
import type { Ctx, Deps } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import type { Actor } from '../../plugins/auth'
import { noteFor } from './note-queries'

/** The author throws away their own draft (a finalised note cannot be: the database refuses). */
export async function discardDraft(deps: Deps, ctx: Ctx, actor: Actor, noteId: string) {
  await deps.db.transaction(async (tx) => {
    const n = await noteFor(tx, actor, noteId, true)
    if (n.status !== 'draft') throw new AppError('conflict', 'A finalised note is kept as written.')
    await tx
      .delete(notes)
      .where(and(eq(notes.councilId, ctx.councilId), eq(notes.id, noteId), eq(notes.status, 'draft')))
    await writeAudit(tx, { ...ctx, action: 'note.discard', recordType: 'note', recordId: noteId, familyId: n.familyId })
  })
}
