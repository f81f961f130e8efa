import { and, eq, inArray } from 'drizzle-orm'
import { createTask } from '@hearth/db/enablers'
import { adminTasks } from '@hearth/db/schema/enablers'
import { visits } from '@hearth/db/schema/visits'
import { tasksForVisit } from '@hearth/domain/admin-tasks'
import type { VisitKind } from '@hearth/domain/allocation'
import type { TaskRuleSet } from '../enablers/task-rules'

export const taskRules: TaskRuleSet = {
  /** A visit booked: confirmation letter, interpreter, room, invitations, minute-taker, minutes (as its kind needs). */
  'visit.booked': async (tx, p) => {
    const ids: (string | null)[] = []
    const [v] = await tx
      .select()
      .from(visits)
      .where(and(eq(visits.councilId, p.councilId), eq(visits.id, p.subjectId)))
    if (v?.status !== 'booked') return []
    // recorded after it happened: nothing goes to the family, and nothing is booked for it
    const recordedAfter = v.startsAt.getTime() <= v.createdAt.getTime()
    const needed = tasksForVisit(v.kind as VisitKind, v.interpreterNeeded)
    for (const taskType of recordedAfter ? needed.filter((t) => t === 'minutes') : needed) {
      ids.push(
        await createTask(tx, {
          councilId: p.councilId,
          sourceKey: `visit:${v.id}:${taskType}`,
          taskType,
          teamId: v.teamId,
          familyId: v.familyId,
          visitId: v.id,
          requestedBy: v.bookedBy,
          // everything before the meeting is due before it; the minutes are due after it
          notAfter: taskType === 'minutes' ? null : v.startsAt,
          from: taskType === 'minutes' ? new Date(v.startsAt.getTime() + v.durationMinutes * 60_000) : null,
        }),
      )
    }
    return ids
  },
  /**
   * A visit moved: the confirmation not yet sent is cancelled (it names the old time), and a new
   * one tells the family the new time or place and why. One per new time, however often retried.
   */
  'visit.moved': async (tx, p) => {
    const [v] = await tx
      .select()
      .from(visits)
      .where(and(eq(visits.councilId, p.councilId), eq(visits.id, p.subjectId)))
    if (v?.status !== 'booked') return []
    const taskType = tasksForVisit(v.kind as VisitKind, false)[0]!
    await tx
      .update(adminTasks)
      .set({ status: 'cancelled', outcome: 'The visit moved: a new confirmation replaces this one.' })
      .where(
        and(
          eq(adminTasks.councilId, p.councilId),
          eq(adminTasks.visitId, v.id),
          eq(adminTasks.taskType, taskType),
          inArray(adminTasks.status, ['open', 'claimed', 'held']),
        ),
      )
    return [
      await createTask(tx, {
        councilId: p.councilId,
        sourceKey: `visit:${v.id}:moved:${v.startsAt.toISOString()}:${v.place}`,
        taskType,
        teamId: v.teamId,
        familyId: v.familyId,
        visitId: v.id,
        requestedBy: v.bookedBy,
        details: v.lastChangeReason ? `Moved: ${v.lastChangeReason}` : 'Moved',
        notAfter: v.startsAt,
      }),
    ]
  },
}
