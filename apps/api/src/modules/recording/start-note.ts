import { and, asc, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { people } from '@hearth/db/schema/organisation'
import { notes } from '@hearth/db/schema/recording'
import { visits } from '@hearth/db/schema/visits'
import type { NoteStart } from '@hearth/contracts/recording'
import type { Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import { familyInScope, holdingTeamId } from '../families/family-queries'
import { childrenOf, noteViews } from './note-queries'
import { checkDraft, draftValues } from './save-draft'
import type { Caller } from '../../kernel/caller'

/**
 * Begins a draft note about a family. From a visit it starts filled in: the kind, when, where and
 * the visit's length as the minutes of direct contact. Every child of the family is listed, with
 * nothing chosen: whether each was seen is the practitioner's answer, never a default.
 *
 * One note per visit: begun again from a visit already recorded (a second tab, My day followed
 * twice), the answer is the first note (`created` false), the author's draft or the final note;
 * another person's draft is a 409 naming who is writing it. The visit's row is locked while this
 * is decided, so two at once make one note.
 */
export async function startNote(deps: Deps, caller: Caller, familyId: string, input: NoteStart) {
  const { db } = deps
  await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const kids = await childrenOf(db, caller.councilId, familyId)
  const [visit] = input.visitId
    ? await db
        .select()
        .from(visits)
        .where(and(eq(visits.councilId, caller.councilId), eq(visits.id, input.visitId), eq(visits.familyId, familyId)))
    : []
  if (input.visitId && !visit) throw invalid('body.visitId', 'there is no such visit with this family')
  await checkDraft(db, caller.councilId, familyId, input)
  // read before the transaction: the embedded database (PGlite) has one connection
  const teamId = await holdingTeamId(db, caller.councilId, familyId)
  const result = await db.transaction(async (tx) => {
    if (visit) {
      await tx
        .select({ id: visits.id })
        .from(visits)
        .where(and(eq(visits.councilId, caller.councilId), eq(visits.id, visit.id)))
        .for('update')
      const [first] = await tx
        .select({ note: notes, authorName: people.name })
        .from(notes)
        .innerJoin(people, and(eq(people.councilId, notes.councilId), eq(people.id, notes.authorId)))
        .where(and(eq(notes.councilId, caller.councilId), eq(notes.visitId, visit.id)))
        .orderBy(asc(notes.createdAt))
        .limit(1)
      if (first) {
        if (first.note.status === 'draft' && first.note.authorId !== caller.personId)
          throw new AppError(
            'conflict',
            `${first.authorName} is already writing the note of this visit. Ask them, or add to it once it is saved.`,
          )
        return { row: first.note, created: false }
      }
    }
    const [n] = await tx
      .insert(notes)
      .values({
        councilId: caller.councilId,
        familyId,
        visitId: visit?.id ?? null,
        authorId: caller.personId,
        teamId,
        kind: visit?.kind ?? 'home_visit',
        happenedAt: visit?.startsAt ?? new Date(),
        place: visit?.place ?? null,
        directMinutes: visit?.durationMinutes ?? 0,
        appointment: visit ? 'on_time' : 'unplanned',
        children: [...kids.keys()].map((childId) => ({ childId, seen: null, notSeenReason: null })),
        ...draftValues(input),
      })
      .returning()
    await writeAudit(tx, { ...caller.audit, action: 'note.start', recordType: 'note', recordId: n!.id, familyId })
    return { row: n!, created: true }
  })
  return { note: (await noteViews(db, caller.councilId, [result.row]))[0]!, created: result.created }
}
