import { and, eq, inArray, like, ne } from 'drizzle-orm'
import {
  adminTasks,
  createTask,
  familyLetters,
  insightRequests,
  memberships,
  people,
  referrals,
  teams,
  visits,
} from '@hearth/db'
import { isProfessionalSource, tasksForVisit, type ReferralSource, type VisitKind } from '@hearth/domain'
import type { JobPayload } from '@hearth/jobs'
import type { HandlerSet, JobContext } from '../../job-context'

/**
 * Turns an action into the admin work it brings. Safe to run again: each task's source key is
 * unique, so a retry or a duplicate delivery finds the tasks already there and adds none.
 */
export async function handleAdminTasks(ctx: JobContext, p: JobPayload<'admin.tasks'>): Promise<void> {
  const created = await ctx.db.transaction(async (tx) => {
    const ids: (string | null)[] = []
    if (p.trigger === 'visit.booked') {
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
    } else if (p.trigger === 'workers.changed') {
      const [letter] = await tx
        .select()
        .from(familyLetters)
        .where(and(eq(familyLetters.councilId, p.councilId), eq(familyLetters.id, p.subjectId)))
      if (!letter) return []
      ids.push(
        await createTask(tx, {
          councilId: p.councilId,
          sourceKey: `letter:${letter.id}`,
          taskType: 'workers_letter',
          teamId: p.teamId ?? null,
          familyId: letter.familyId,
        }),
      )
    } else if (p.trigger === 'referral.received') {
      const [r] = await tx
        .select()
        .from(referrals)
        .where(and(eq(referrals.councilId, p.councilId), eq(referrals.id, p.subjectId)))
      if (!r || !isProfessionalSource(r.source as ReferralSource)) return []
      // the front door's own team gets the credit for the time saved
      const [team] = await tx
        .select({ id: teams.id })
        .from(memberships)
        .innerJoin(teams, and(eq(teams.id, memberships.teamId), eq(teams.councilId, memberships.councilId)))
        .innerJoin(people, and(eq(people.id, memberships.personId), eq(people.councilId, memberships.councilId)))
        .where(
          and(
            eq(memberships.councilId, p.councilId),
            eq(memberships.personId, r.receivedBy),
            eq(teams.kind, 'referral'),
          ),
        )
        .limit(1)
      ids.push(
        await createTask(tx, {
          councilId: p.councilId,
          sourceKey: `referral:${r.id}:ack`,
          taskType: 'referrer_acknowledgement',
          teamId: team?.id ?? null,
          familyId: r.familyId,
          referralId: r.id,
          requestedBy: r.receivedBy,
        }),
      )
    } else if (p.trigger === 'insight.session_booked') {
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
    }
    return ids.filter((x): x is string => !!x)
  })
  if (created.length)
    await ctx.publish({ type: 'tasks.changed', councilId: p.councilId, teamIds: [], taskIds: created })
}

export const handlers: HandlerSet = { 'admin.tasks': { run: handleAdminTasks } }
