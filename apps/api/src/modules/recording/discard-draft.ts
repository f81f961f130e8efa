import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { notes } from '@hearth/db/schema/recording'
import type { Deps } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import { noteFor } from './note-queries'
import type { Caller } from '../../kernel/caller'

/** The author throws away their own draft (a finalised note cannot be: the database refuses). */
export async function discardDraft(deps: Deps, caller: Caller, noteId: string) {
  await deps.db.transaction(async (tx) => {
    const n = await noteFor(tx, caller, noteId, true)
    if (n.status !== 'draft') throw new AppError('conflict', 'A finalised note is kept as written.')
    await tx
      .delete(notes)
      .where(and(eq(notes.councilId, caller.councilId), eq(notes.id, noteId), eq(notes.status, 'draft')))
    await writeAudit(tx, {
      ...caller.audit,
      action: 'note.discard',
      recordType: 'note',
      recordId: noteId,
      familyId: n.familyId,
    })
  })
}
