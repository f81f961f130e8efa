import { and, desc, eq, or } from 'drizzle-orm'
import { notes } from '@hearth/db/schema/recording'
import type { Deps } from '../../kernel/context'
import { familyInScope } from '../families/family-queries'
import { noteViews } from './note-queries'
import type { Caller } from '../../kernel/caller'

/** The family's finalised notes, and the actor's own drafts, newest first. */
export async function listNotes(deps: Deps, caller: Caller, familyId: string) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const rows = await db
    .select()
    .from(notes)
    .where(
      and(
        eq(notes.councilId, caller.councilId),
        eq(notes.familyId, familyId),
        or(eq(notes.status, 'final'), eq(notes.authorId, caller.personId)),
      ),
    )
    .orderBy(desc(notes.happenedAt))
  return noteViews(db, caller.councilId, rows)
}
