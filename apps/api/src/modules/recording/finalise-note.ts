import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { noteBands, notes } from '@hearth/db/schema/recording'
import { NOTE_PART_LIST } from '@hearth/domain/recording'
import { lshBands } from '@hearth/domain/similarity'
import type { Deps } from '../../kernel/context'
import { AppError, type FieldProblem } from '../../kernel/errors'
import { childrenOf, noteFor, noteViews } from './note-queries'
import { findSimilar, signatureOf } from './similar-notes'
import { namesFromElsewhere } from './names-elsewhere'
import type { Caller } from '../../kernel/caller'

/**
 * Finalises the author's draft: from now on it is kept as written (the database refuses any
 * change) and read by the team holding the family. It needs at least one part of the story, an
 * answer for each child (and why, for a child not seen), and the minutes late if it was late.
 * Every problem is named at once.
 */
export async function finaliseNote(deps: Deps, caller: Caller, noteId: string, opts: { keepSimilar?: boolean } = {}) {
  const { db } = deps
  const row = await db.transaction(async (tx) => {
    const n = await noteFor(tx, caller, noteId, true)
    if (n.status !== 'draft') throw new AppError('conflict', 'This note is already finalised.')
    const problems: FieldProblem[] = []
    if (NOTE_PART_LIST.every((p) => !n[p]?.trim()))
      problems.push({
        field: 'body.workingWell',
        message: 'write at least one part of what happened',
        rule: 'required',
      })
    const kids = await childrenOf(tx, caller.councilId, n.familyId)
    const answered = new Map(n.children.map((c) => [c.childId, c]))
    ;[...kids.keys()].forEach((childId, i) => {
      const c = answered.get(childId)
      if (!c?.seen)
        problems.push({ field: `body.children.${i}.seen`, message: `say whether ${kids.get(childId)} was seen` })
      else if (c.seen === 'not_seen' && !c.notSeenReason?.trim())
        problems.push({
          field: `body.children.${i}.notSeenReason`,
          message: `say why ${kids.get(childId)} was not seen`,
        })
    })
    if (n.appointment === 'late' && !n.lateMinutes)
      problems.push({ field: 'body.lateMinutes', message: 'say how many minutes late', rule: 'required' })
    if ((n.appointment === 'rearranged' || n.appointment === 'missed') && !n.changedBy)
      problems.push({ field: 'body.changedBy', message: 'say who rearranged or missed it', rule: 'required' })
    if (n.appointment === 'rearranged' && n.noticeHours === null)
      problems.push({ field: 'body.noticeHours', message: 'say how many hours’ notice there was', rule: 'required' })
    if (n.appointment === 'missed' && !n.missedReason?.trim())
      problems.push({ field: 'body.missedReason', message: 'say why it was missed', rule: 'required' })
    if (problems.length) throw new AppError('validation_failed', 'The note cannot be finalised yet.', problems)
    // the copy-paste check: a note very like an earlier one is shown to its author first
    const similar = await findSimilar(tx, caller.councilId, n)
    if (similar.length && !opts.keepSimilar) {
      throw new AppError(
        'conflict',
        'This note is very like an earlier one. Check it, then rewrite it or keep it as it is.',
        similar.map((s) => ({
          field: 'body.keepSimilar',
          message: `very like the note of ${s.happenedAt.slice(0, 10)} by ${s.authorName}`,
        })),
      )
    }
    // names of people in other families, in nobody of this family's network: shown before saving
    const elsewhere = opts.keepSimilar ? [] : await namesFromElsewhere(tx, caller.councilId, n)
    if (elsewhere.length)
      throw new AppError(
        'conflict',
        'This note names people who are not in this family’s network. Check it, then change it or keep it.',
        [{ field: 'body.keepSimilar', message: `names not in this family’s network: ${elsewhere.join(', ')}` }],
      )
    const sig = signatureOf(n)
    const [done] = await tx
      .update(notes)
      .set({
        status: 'final',
        finalisedAt: new Date(),
        updatedAt: new Date(),
        // only the children of the family, in the family's order
        children: [...kids.keys()].map((id) => answered.get(id)!),
        signature: sig,
        banded: true,
        keptSimilar: similar.length ? similar.map((s) => ({ noteId: s.noteId, score: s.score })) : null,
      })
      .where(and(eq(notes.councilId, caller.councilId), eq(notes.id, noteId), eq(notes.status, 'draft')))
      .returning()
    if (!done) throw new AppError('conflict', 'This note is already finalised.')
    await tx
      .insert(noteBands)
      .values([...new Set(lshBands(sig))].map((band) => ({ councilId: caller.councilId, band, noteId })))
    await writeAudit(tx, {
      ...caller.audit,
      action: 'note.finalise',
      recordType: 'note',
      recordId: noteId,
      familyId: n.familyId,
      details: similar.length ? { keptSimilarTo: similar.map((s) => s.noteId) } : null,
    })
    return done
  })
  return (await noteViews(db, caller.councilId, [row]))[0]!
}
