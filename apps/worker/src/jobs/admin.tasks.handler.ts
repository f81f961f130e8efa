import { and, eq } from 'drizzle-orm'
import { createTask, familyLetters, memberships, people, referrals, teams, visits } from '@hearth/db'
import { isProfessionalSource, tasksForVisit, type ReferralSource, type VisitKind } from '@hearth/domain'
import type { JobPayload } from '@hearth/jobs'
import type { JobContext } from '../handlers'

/**
 * Turns an action into the admin work it brings. Safe to run again: each task's source key is
 * unique, so a retry or a duplicate delivery finds the tasks already there and adds none.
 */
export async function handleAdminTasks(ctx: JobContext, p: JobPayload<'admin.tasks'>): Promise<void> {
  const created = await ctx.db.transaction(async (tx) => {
    const ids: (string | null)[] = []
    if (p.trigger === 'visit.booked') {
      const [v] = await tx.select().from(visits).where(and(eq(visits.councilId, p.councilId), eq(visits.id, p.subjectId)))
      if (!v || v.status !== 'booked') return []
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
      const [letter] = await tx.select().from(familyLetters).where(and(eq(familyLetters.councilId, p.councilId), eq(familyLetters.id, p.subjectId)))
      if (!letter) return []
      ids.push(await createTask(tx, { councilId: p.councilId, sourceKey: `letter:${letter.id}`, taskType: 'workers_letter', teamId: p.teamId ?? null, familyId: letter.familyId }))
    } else if (p.trigger === 'referral.received') {
      const [r] = await tx.select().from(referrals).where(and(eq(referrals.councilId, p.councilId), eq(referrals.id, p.subjectId)))
      if (!r || !isProfessionalSource(r.source as ReferralSource)) return []
      // the front door's own team gets the credit for the time saved
      const [team] = await tx
        .select({ id: teams.id })
        .from(memberships)
        .innerJoin(teams, eq(teams.id, memberships.teamId))
        .innerJoin(people, eq(people.id, memberships.personId))
        .where(and(eq(memberships.councilId, p.councilId), eq(memberships.personId, r.receivedBy), eq(teams.kind, 'referral')))
        .limit(1)
      ids.push(await createTask(tx, { councilId: p.councilId, sourceKey: `referral:${r.id}:ack`, taskType: 'referrer_acknowledgement', teamId: team?.id ?? null, familyId: r.familyId, referralId: r.id, requestedBy: r.receivedBy }))
    }
    return ids.filter((x): x is string => !!x)
  })
  if (created.length) await ctx.publish({ type: 'tasks.changed', councilId: p.councilId, teamIds: [], taskIds: created })
}
