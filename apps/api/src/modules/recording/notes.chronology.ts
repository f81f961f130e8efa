import { and, eq } from 'drizzle-orm'
import { people } from '@hearth/db/schema/organisation'
import { noteAddenda, notes } from '@hearth/db/schema/recording'
import { NOTE_KINDS, type NoteKind } from '@hearth/domain/recording'
import { chronologyPart } from '../families/chronology-parts'

/**
 * Finalised notes (a draft is its author's until it is finalised), each by its story's first
 * part written, strengths first; and every addendum with its reason.
 */
export const chronology = chronologyPart({
  kinds: { note: 'Note' },
  async entries({ deps, caller, familyId }) {
    const c = caller.councilId
    const [finals, addenda] = await Promise.all([
      deps.db
        .select({ n: notes, name: people.name })
        .from(notes)
        .innerJoin(people, and(eq(people.id, notes.authorId), eq(people.councilId, notes.councilId)))
        .where(and(eq(notes.councilId, c), eq(notes.familyId, familyId), eq(notes.status, 'final'))),
      deps.db
        .select({ a: noteAddenda, name: people.name, children: notes.children })
        .from(noteAddenda)
        .innerJoin(notes, and(eq(notes.id, noteAddenda.noteId), eq(notes.councilId, noteAddenda.councilId)))
        .innerJoin(people, and(eq(people.id, noteAddenda.authorId), eq(people.councilId, noteAddenda.councilId)))
        .where(and(eq(noteAddenda.councilId, c), eq(notes.familyId, familyId))),
    ])
    return [
      ...finals.map(({ n, name }) => ({
        at: n.happenedAt,
        kind: 'note' as const,
        title: `Note: ${NOTE_KINDS[n.kind as NoteKind] ?? n.kind}`,
        detail: n.workingWell ?? n.worries ?? n.needsToHappen ?? n.familyWords,
        byName: name,
        link: `/families/${familyId}#note-${n.id}`,
        childIds: n.children.map((k) => k.childId),
      })),
      ...addenda.map(({ a, name, children }) => ({
        at: a.createdAt,
        kind: 'note' as const,
        title: `Addendum to a note: ${a.reason}`,
        detail: a.text,
        byName: name,
        link: `/families/${familyId}#note-${a.noteId}`,
        childIds: children.map((k) => k.childId),
      })),
    ]
  },
})
