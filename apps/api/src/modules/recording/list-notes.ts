import { and, desc, eq, or } from 'drizzle-orm'
import { notes } from '@hearth/db'
import type { Ctx, Deps } from '../../kernel/context'
import type { Actor } from '../../plugins/auth'
import { familyInScope } from '../families/family-queries'
import { noteViews } from './note-queries'

/** The family's finalised notes, and the actor's own drafts, newest first. */
export async function listNotes(deps: Deps, ctx: Ctx, actor: Actor, familyId: string) {
  const { db } = deps
  await familyInScope(db, actor.councilId, actor.familyScope, familyId)
  const rows = await db
    .select()
    .from(notes)
    .where(
      and(
        eq(notes.councilId, ctx.councilId),
        eq(notes.familyId, familyId),
        or(eq(notes.status, 'final'), eq(notes.authorId, actor.personId)),
      ),
    )
    .orderBy(desc(notes.happenedAt))
  return noteViews(db, ctx.councilId, rows)
}
