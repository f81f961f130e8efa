import { and, eq, gt } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import type { Executor } from '@hearth/db/client'
import { createTask } from '@hearth/db/enablers'
import { recordClockDue, startRecordClock } from '@hearth/db/record-clocks'
import { familyMessages } from '@hearth/db/schema/family-voice'
import { visits } from '@hearth/db/schema/visits'
import { londonDateOf } from '@hearth/domain/working-days'
import type { FamilyMessageInput } from '@hearth/contracts/family-voice'
import type { Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import { holdingTeamId } from '../families/family-queries'
import { voiceSettings } from './voice-queries'
import type { LinkCaller } from '../../kernel/caller'

/**
 * What the family says through their link, kept in their own words. It reaches the holding
 * team's board and the lead (the route publishes the event after commit). A complaint also
 * goes to the council's complaints route as a task, with its stage 1 clock (10 working days).
 */
export async function sendFamilyMessage(
  deps: Deps,
  caller: LinkCaller,
  input: FamilyMessageInput,
  idempotencyKey: string | null = null,
) {
  const { db } = deps
  const c = caller.holder.councilId
  const teamId = await holdingTeamId(db, c, caller.holder.familyId)
  // sent again with the same Idempotency-Key through the same link (a retry, a double tap): the
  // first message's answer, and no second message, task or audit row
  const already = async (ex: Executor) => {
    if (!idempotencyKey) return null
    const [m] = await ex
      .select()
      .from(familyMessages)
      .where(
        and(
          eq(familyMessages.councilId, c),
          eq(familyMessages.linkId, caller.holder.linkId),
          eq(familyMessages.idempotencyKey, idempotencyKey),
        ),
      )
    if (!m) return null
    if (m.kind !== input.kind || (m.words ?? null) !== (input.words ?? null))
      throw new AppError('validation_failed', 'This Idempotency-Key was already used for a different message.', [
        { field: 'headers.idempotency-key', message: 'already used for a different message', rule: 'invalid' },
      ])
    const answer = { id: m.id, kind: m.kind, at: m.createdAt.toISOString(), teamId: m.teamId, familyId: m.familyId }
    return { ...answer, replayed: true }
  }
  const first = await already(db)
  if (first) return first
  return db.transaction(async (tx) => {
    let visitId: string | null = null
    if (input.kind === 'move_visit') {
      const [v] = await tx
        .select({ id: visits.id })
        .from(visits)
        .where(
          and(
            eq(visits.councilId, c),
            eq(visits.familyId, caller.holder.familyId),
            eq(visits.id, input.visitId),
            eq(visits.status, 'booked'),
            gt(visits.startsAt, new Date()),
          ),
        )
      if (!v) throw invalid('body.visitId', 'choose one of your visits that is still to come')
      visitId = v.id
    }
    const now = new Date()
    const startOn = londonDateOf(now)
    const clock = input.kind === 'complaint' ? await recordClockDue(tx, c, 'complaint_stage_1', startOn) : null
    const due = clock?.lateAt ?? null
    const [row] = await tx
      .insert(familyMessages)
      .values({
        councilId: c,
        familyId: caller.holder.familyId,
        linkId: caller.holder.linkId,
        kind: input.kind,
        scale: input.kind === 'how_going' ? input.scale : null,
        words: input.words ?? null,
        visitId,
        suits: input.kind === 'move_visit' ? input.suits : null,
        teamId,
        dueAt: due,
        language: input.language ?? null,
        idempotencyKey,
      })
      .onConflictDoNothing()
      .returning()
    // the same key sent at the same moment: the other copy's message stands
    if (!row) {
      const other = await already(tx)
      if (other) return other
      throw new AppError('conflict', 'This could not be sent. Try again.')
    }
    let taskId: string | null = null
    if (clock) {
      const start = { clock: 'complaint_stage_1', recordId: row.id, familyId: row.familyId, startOn } as const
      await startRecordClock(tx, c, start, clock.dueOn)
      const settings = await voiceSettings(tx, c)
      taskId = await createTask(tx, {
        councilId: c,
        sourceKey: `complaint:${row.id}`,
        taskType: 'family_complaint',
        teamId: settings.complaintsTeamId ?? teamId,
        familyId: caller.holder.familyId,
        details: 'A complaint made through the family’s link. Read it on the family’s page (Family link).',
        notAfter: due,
      })
      if (taskId)
        await tx
          .update(familyMessages)
          .set({ taskId })
          .where(and(eq(familyMessages.councilId, c), eq(familyMessages.id, row.id)))
    }
    await writeAudit(tx, {
      ...caller.audit,
      action: 'family_message.send',
      recordType: 'family_message',
      recordId: row.id,
      familyId: caller.holder.familyId,
      childId: caller.holder.childId,
      details: {
        via: 'family_link',
        linkId: caller.holder.linkId,
        issuedTo: caller.holder.adultId ? { adultId: caller.holder.adultId } : { childId: caller.holder.childId },
        kind: input.kind,
      },
    })
    const answer = {
      id: row.id,
      kind: row.kind,
      at: row.createdAt.toISOString(),
      teamId,
      familyId: caller.holder.familyId,
    }
    return { ...answer, replayed: false }
  })
}
