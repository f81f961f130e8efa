import { and, eq, inArray, like, ne } from 'drizzle-orm'
import { createTask } from '@hearth/db/enablers'
import { adminTasks } from '@hearth/db/schema/enablers'
import { insightRequests } from '@hearth/db/schema/insight'
import { memberships, teams } from '@hearth/db/schema/organisation'
import type { TaskRuleSet } from '../enablers/task-rules'

export const taskRules: TaskRuleSet = {
  /** An insight session booked (or moved): a room and the invitations, due before the session. */
  'insight.session_booked': async (tx, p) => {
    const ids: (string | null)[] = []
    const [r] = await tx
      .select()
      .from(insightRequests)
      .where(and(eq(insightRequests.councilId, p.councilId), eq(insightRequests.id, p.subjectId)))
    if (r?.status !== 'booked' || !r.sessionAt || !r.takenBy) return []
    const key = `insight:${r.id}:session:${r.sessionAt.toISOString()}`
    // a session moved to another time: the task for the old time is no longer wanted
    await tx
      .update(adminTasks)
      .set({ status: 'cancelled' })
      .where(
        and(
          eq(adminTasks.councilId, p.councilId),
          like(adminTasks.sourceKey, `insight:${r.id}:session:%`),
          ne(adminTasks.sourceKey, key),
          inArray(adminTasks.status, ['open', 'claimed']),
        ),
      )
    const [team] = await tx
      .select({ id: teams.id })
      .from(memberships)
      .innerJoin(teams, and(eq(teams.id, memberships.teamId), eq(teams.councilId, memberships.councilId)))
      .where(
        and(eq(memberships.councilId, p.councilId), eq(memberships.personId, r.takenBy), eq(teams.kind, 'insight')),
      )
      .limit(1)
    const when = r.sessionAt.toLocaleString('en-GB', {
      timeZone: 'Europe/London',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    })
    ids.push(
      await createTask(tx, {
        councilId: p.councilId,
        sourceKey: key,
        taskType: 'insight_session',
        teamId: team?.id ?? null,
        familyId: r.familyId,
        requestedBy: r.takenBy,
        notAfter: r.sessionAt,
        details: `${r.kind === 'coaching' ? 'Coaching' : 'Consultation'} session, ${when}, ${r.sessionMinutes ?? 60} minutes. Who attends: ${r.attendees ?? 'see the request'}.`,
      }),
    )
    return ids
  },
}
