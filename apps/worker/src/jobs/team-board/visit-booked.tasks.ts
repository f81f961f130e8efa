import { and, eq } from 'drizzle-orm'
import { createTask, visits } from '@hearth/db'
import { tasksForVisit, type VisitKind } from '@hearth/domain'
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
    for (const taskType of tasksForVisit(v.kind as VisitKind, v.interpreterNeeded)) {
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
}
