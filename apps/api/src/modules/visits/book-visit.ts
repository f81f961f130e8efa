import type { Deps } from '../../kernel/context'
import { writeAudit } from '@hearth/db/audit'
import type { Tx } from '@hearth/db/client'
import { type Visit, visits } from '@hearth/db/schema/visits'
import { enqueueInTx } from '@hearth/jobs'
import { AppError } from '../../kernel/errors'
import { holdingTeamId } from '../families/family-queries'
import { staffCheck, view } from './visit-queries'
import { familyInScope } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'

export async function bookVisit(
  deps: Deps,
  caller: Caller,
  familyId: string,
  input: {
    kind: string
    startsAt: string
    durationMinutes: number
    place: string
    attendeeIds: string[]
    othersAttending?: string | null
    interpreterNeeded?: boolean
  },
  /** More to write in the booking's own transaction (a family group conference's arrangements). */
  alongside?: (tx: Tx, visit: Visit) => Promise<void>,
) {
  const { db } = deps
  const f = await familyInScope(db, caller.councilId, caller.familyScope, familyId)
  const teamId =
    (await holdingTeamId(db, caller.councilId, familyId)) ?? caller.teams.find((t) => t.kind === 'family_facing')?.id
  if (!teamId) throw new AppError('forbidden', 'Only a family-facing team books visits.')
  const attendeeIds = input.attendeeIds.length ? [...new Set(input.attendeeIds)] : [caller.personId]
  await staffCheck(db, caller.councilId, attendeeIds)
  const v = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(visits)
      .values({
        councilId: caller.councilId,
        familyId,
        teamId,
        kind: input.kind,
        startsAt: new Date(input.startsAt),
        durationMinutes: input.durationMinutes,
        place: input.place,
        attendeeIds,
        othersAttending: input.othersAttending ?? null,
        interpreterNeeded: input.interpreterNeeded ?? f.interpreterNeeded,
        bookedBy: caller.personId,
      })
      .returning()
    await writeAudit(tx, { ...caller.audit, action: 'visit.book', recordType: 'visit', recordId: row!.id, familyId })
    // The admin this booking brings (letter, interpreter, room…) goes to the enablers, in this transaction.
    await enqueueInTx(tx, caller.councilId, 'admin.tasks', {
      councilId: caller.councilId,
      trigger: 'visit.booked',
      subjectId: row!.id,
    })
    if (alongside) await alongside(tx, row!)
    return row!
  })
  return (await view(db, [{ ...v, familyName: f.name }], caller.councilId))[0]!
}
