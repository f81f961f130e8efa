import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import { children } from '@hearth/db/schema/families'
import { people } from '@hearth/db/schema/organisation'
import { type Note, noteAddenda, notes } from '@hearth/db/schema/recording'
import type { AppointmentKept, ChangedBy, NoteKind } from '@hearth/domain/recording'
import { notFound } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'

type Ex = Db | Tx

/**
 * A note the actor may see: a finalised note of a family in their scope, or their own draft.
 * Anything else is "not found", so nobody learns that someone else's draft exists.
 */
export async function noteFor(ex: Ex, caller: Caller, noteId: string, lock = false): Promise<Note> {
  const q = ex
    .select()
    .from(notes)
    .where(and(eq(notes.councilId, caller.councilId), eq(notes.id, noteId)))
  const [n] = lock ? await q.for('update') : await q
  if (!n) throw notFound('note')
  await familyInScope(ex, caller.councilId, caller.familyScope, n.familyId).catch(() => {
    throw notFound('note')
  })
  if (n.status === 'draft' && n.authorId !== caller.personId) throw notFound('note')
  return n
}

/** The family's children, by id: a note speaks only of them. */
export async function childrenOf(ex: Ex, councilId: string, familyId: string) {
  const rows = await ex
    .select({ id: children.id, firstName: children.firstName, lastName: children.lastName })
    .from(children)
    .where(and(eq(children.councilId, councilId), eq(children.familyId, familyId)))
    .orderBy(asc(children.firstName))
  return new Map(rows.map((c) => [c.id, `${c.firstName} ${c.lastName}`]))
}

/** Notes as the screens show them: author and children by name, addenda oldest first. */
export async function noteViews(ex: Ex, councilId: string, rows: Note[]) {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const addenda = await ex
    .select({ a: noteAddenda, name: people.name })
    .from(noteAddenda)
    .innerJoin(people, and(eq(people.id, noteAddenda.authorId), eq(people.councilId, noteAddenda.councilId)))
    .where(and(eq(noteAddenda.councilId, councilId), inArray(noteAddenda.noteId, ids)))
    .orderBy(asc(noteAddenda.createdAt))
  const authors = await ex
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.councilId, councilId), inArray(people.id, [...new Set(rows.map((r) => r.authorId))])))
  const kids = new Map<string, string>()
  for (const familyId of new Set(rows.map((r) => r.familyId)))
    for (const [id, name] of await childrenOf(ex, councilId, familyId)) kids.set(id, name)
  return rows.map((n) => ({
    id: n.id,
    familyId: n.familyId,
    visitId: n.visitId,
    authorId: n.authorId,
    authorName: authors.find((a) => a.id === n.authorId)?.name ?? '',
    kind: n.kind as NoteKind,
    happenedAt: n.happenedAt.toISOString(),
    place: n.place,
    directMinutes: n.directMinutes,
    appointment: n.appointment as AppointmentKept,
    lateMinutes: n.lateMinutes,
    changedBy: n.changedBy as ChangedBy | null,
    noticeHours: n.noticeHours,
    missedReason: n.missedReason,
    children: n.children.map((c) => ({ ...c, name: kids.get(c.childId) ?? 'A child no longer in the family' })),
    othersPresent: n.othersPresent,
    workingWell: n.workingWell,
    worries: n.worries,
    needsToHappen: n.needsToHappen,
    familyWords: n.familyWords,
    status: n.status,
    updatedAt: n.updatedAt.toISOString(),
    finalisedAt: n.finalisedAt?.toISOString() ?? null,
    addenda: addenda
      .filter((x) => x.a.noteId === n.id)
      .map((x) => ({
        id: x.a.id,
        authorName: x.name,
        reason: x.a.reason,
        text: x.a.text,
        createdAt: x.a.createdAt.toISOString(),
      })),
  }))
}
