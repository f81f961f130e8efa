import type { Deps } from '../../kernel/context'
import { and, eq, isNull, sql } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { families } from '@hearth/db/schema/families'
import { familyMessages } from '@hearth/db/schema/family-voice'
import { visits } from '@hearth/db/schema/visits'
import { enqueueInTx } from '@hearth/jobs'
import { AppError } from '../../kernel/errors'
import { loadVisit, view } from './visit-queries'
import type { Caller } from '../../kernel/caller'

export async function moveVisit(
  deps: Deps,
  caller: Caller,
  visitId: string,
  input: { startsAt?: string; durationMinutes?: number; place?: string; reason: string },
) {
  const { db } = deps
  const v = await loadVisit(db, caller, visitId)
  if (v.status === 'cancelled') throw new AppError('conflict', 'This visit was cancelled. Book a new one instead.')
  const [row] = await db.transaction(async (tx) => {
    const r = await tx
      .update(visits)
      .set({
        ...(input.startsAt ? { startsAt: new Date(input.startsAt) } : {}),
        ...(input.place ? { place: input.place } : {}),
        ...(input.durationMinutes ? { durationMinutes: input.durationMinutes } : {}),
        lastChangeReason: input.reason,
      })
      .where(and(eq(visits.councilId, caller.councilId), eq(visits.id, visitId), eq(visits.status, 'booked')))
      .returning()
    // cancelled (or moved to cancelled) while this was being written: say so, and record nothing
    if (!r.length) throw new AppError('conflict', 'This visit was cancelled. Book a new one instead.')
    await writeAudit(tx, {
      ...caller.audit,
      action: 'visit.move',
      recordType: 'visit',
      recordId: visitId,
      familyId: v.familyId,
      details: { from: v.startsAt.toISOString(), fields: Object.keys(input).filter((k) => k !== 'reason') },
    })
    // moving it answers the family's own ask to move it: their page shows the new time and why,
    // and stops saying "we will be in touch"; one place to answer and move
    const asked = await tx
      .update(familyMessages)
      .set({
        answer: input.reason,
        answeredAt: sql`now()`,
        answeredBy: caller.personId,
        seenAt: sql`coalesce(${familyMessages.seenAt}, now())`,
        seenBy: sql`coalesce(${familyMessages.seenBy}, ${caller.personId}::uuid)`,
      })
      .where(
        and(
          eq(familyMessages.councilId, caller.councilId),
          eq(familyMessages.visitId, visitId),
          eq(familyMessages.kind, 'move_visit'),
          isNull(familyMessages.answer),
        ),
      )
      .returning({ id: familyMessages.id })
    if (asked.length)
      await writeAudit(
        tx,
        asked.map((m) => ({
          ...caller.audit,
          action: 'family_message.answer',
          recordType: 'family_message',
          recordId: m.id,
          familyId: v.familyId,
          details: { by: 'visit.move', visitId },
        })),
      )
    // the family is told the new time (or place), and why: a new confirmation for the enablers
    await enqueueInTx(tx, caller.councilId, 'admin.tasks', {
      councilId: caller.councilId,
      trigger: 'visit.moved',
      subjectId: visitId,
    })
    return r
  })
  const [f] = await db
    .select({ name: families.name })
    .from(families)
    .where(and(eq(families.councilId, v.councilId), eq(families.id, v.familyId)))
  return (await view(db, [{ ...row!, familyName: f!.name }], caller.councilId))[0]!
}
