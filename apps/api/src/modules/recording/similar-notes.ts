import { and, eq, inArray, isNotNull, ne, or } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import { councils } from '@hearth/db/schema/councils'
import { people } from '@hearth/db/schema/organisation'
import { type Note, noteBands, notes } from '@hearth/db/schema/recording'
import { NOTE_PART_LIST } from '@hearth/domain/recording'
import { estimate, lshBands, minhash, PREFILTER_MARGIN, shingles, similarNotes } from '@hearth/domain/similarity'
import type { Deps } from '../../kernel/context'
import { noteFor } from './note-queries'
import type { Caller } from '../../kernel/caller'

/** A note's story as one text, strengths first: what the copy-paste check compares. */
export const storyOf = (n: Pick<Note, 'workingWell' | 'worries' | 'needsToHappen' | 'familyWords'>) =>
  NOTE_PART_LIST.map((p) => n[p] ?? '')
    .filter(Boolean)
    .join('\n')

export const signatureOf = (n: Parameters<typeof storyOf>[0]) => minhash(shingles(storyOf(n)))

/**
 * The earlier finalised notes of the same family or the same author that this note is too like.
 * PostgreSQL returns only those sharing an LSH band key with it (`note_bands`, by its index), and
 * any finalised before band keys were kept; their signatures are compared, then the few that come close word by
 * word.
 */
export async function findSimilar(ex: Db | Tx, councilId: string, n: Note) {
  const [council] = await ex
    .select({ threshold: councils.noteSimilarityThreshold })
    .from(councils)
    .where(eq(councils.id, councilId))
  const threshold = council?.threshold ?? 0.33
  const text = storyOf(n)
  const sig = minhash(shingles(text))
  const bands = lshBands(sig)
  const earlier = await ex
    .select({ id: notes.id, signature: notes.signature })
    .from(notes)
    .where(
      and(
        eq(notes.councilId, councilId),
        eq(notes.status, 'final'),
        ne(notes.id, n.id),
        isNotNull(notes.signature),
        or(eq(notes.familyId, n.familyId), eq(notes.authorId, n.authorId)),
        or(
          inArray(
            notes.id,
            ex
              .select({ id: noteBands.noteId })
              .from(noteBands)
              .where(and(eq(noteBands.councilId, councilId), inArray(noteBands.band, bands))),
          ),
          eq(notes.banded, false),
        ),
      ),
    )
  const close = earlier.filter((e) => estimate(sig, e.signature!) >= threshold - PREFILTER_MARGIN).map((e) => e.id)
  if (close.length === 0) return []
  const rows = await ex
    .select({ n: notes, author: people.name })
    .from(notes)
    .innerJoin(people, and(eq(people.id, notes.authorId), eq(people.councilId, notes.councilId)))
    .where(and(eq(notes.councilId, councilId), inArray(notes.id, close)))
  const found = similarNotes(
    text,
    rows.map((r) => ({ id: r.n.id, text: storyOf(r.n), signature: r.n.signature! })),
    threshold,
  )
  return found.map((f) => {
    const r = rows.find((x) => x.n.id === f.id)!
    const sameFamily = r.n.familyId === n.familyId
    return {
      noteId: f.id,
      happenedAt: r.n.happenedAt.toISOString(),
      authorName: r.author,
      sameFamily,
      score: Math.round(f.score * 100) / 100,
      // another family's words are not shown here: only that the author wrote something very like it
      passages: sameFamily ? f.passages : [],
    }
  })
}

/** For the author, before saving: the earlier notes this draft is very like, and what they share. */
export async function getSimilarNotes(deps: Deps, caller: Caller, noteId: string) {
  const n = await noteFor(deps.db, caller, noteId)
  return findSimilar(deps.db, caller.councilId, n)
}
