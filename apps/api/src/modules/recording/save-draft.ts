import { and, eq } from 'drizzle-orm'
import type { Db, Tx } from '@hearth/db/client'
import { notes } from '@hearth/db/schema/recording'
import type { NoteDraft } from '@hearth/contracts/recording'
import type { Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import { childrenOf, noteFor, noteViews } from './note-queries'
import type { Caller } from '../../kernel/caller'

/** A draft speaks only of the family's own children, each once. */
export async function checkDraft(db: Db | Tx, councilId: string, familyId: string, input: NoteDraft) {
  if (!input.children) return
  const kids = await childrenOf(db, councilId, familyId)
  const seen = new Set<string>()
  input.children.forEach((c, i) => {
    if (!kids.has(c.childId)) throw invalid(`body.children.${i}.childId`, 'this child is not in the family')
    if (seen.has(c.childId)) throw invalid(`body.children.${i}.childId`, 'this child is listed twice')
    seen.add(c.childId)
  })
}

/** The columns a draft's fields set (only those sent). */
export function draftValues(input: NoteDraft) {
  const v: Partial<typeof notes.$inferInsert> = {}
  if (input.kind !== undefined) v.kind = input.kind
  if (input.happenedAt !== undefined) v.happenedAt = new Date(input.happenedAt)
  if (input.place !== undefined) v.place = input.place ?? null
  if (input.directMinutes !== undefined) v.directMinutes = input.directMinutes
  if (input.appointment !== undefined) v.appointment = input.appointment
  if (input.lateMinutes !== undefined) v.lateMinutes = input.lateMinutes
  if (input.changedBy !== undefined) v.changedBy = input.changedBy
  if (input.noticeHours !== undefined) v.noticeHours = input.noticeHours
  if (input.missedReason !== undefined) v.missedReason = input.missedReason
  if (input.children !== undefined)
    v.children = input.children.map((c) => ({
      childId: c.childId,
      seen: c.seen,
      notSeenReason: c.notSeenReason ?? null,
    }))
  if (input.othersPresent !== undefined) v.othersPresent = input.othersPresent ?? null
  if (input.workingWell !== undefined) v.workingWell = input.workingWell ?? null
  if (input.worries !== undefined) v.worries = input.worries ?? null
  if (input.needsToHappen !== undefined) v.needsToHappen = input.needsToHappen ?? null
  if (input.familyWords !== undefined) v.familyWords = input.familyWords ?? null
  return v
}

/**
 * Saves what the author has typed so far (sent as they type). Only the author's own draft: a
 * finalised note is a 409, and someone else's draft is not found. Not audited row by row: a draft
 * is not yet a record; starting it and finalising it are.
 */
export async function saveDraft(deps: Deps, caller: Caller, noteId: string, input: NoteDraft) {
  const { db } = deps
  const row = await db.transaction(async (tx) => {
    const n = await noteFor(tx, caller, noteId, true)
    if (n.status !== 'draft') throw new AppError('conflict', 'This note is finalised: add an addendum instead.')
    await checkDraft(tx, caller.councilId, n.familyId, input)
    const [saved] = await tx
      .update(notes)
      .set({ ...draftValues(input), updatedAt: new Date() })
      .where(and(eq(notes.councilId, caller.councilId), eq(notes.id, noteId), eq(notes.status, 'draft')))
      .returning()
    return saved!
  })
  return (await noteViews(db, caller.councilId, [row]))[0]!
}
