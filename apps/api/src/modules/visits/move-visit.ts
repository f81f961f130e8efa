import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { families, visits, writeAudit } from '@hearth/db'
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
