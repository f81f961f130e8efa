import { and, eq } from 'drizzle-orm'
import { createTask } from '@hearth/db/enablers'
import { memberships, people, teams } from '@hearth/db/schema/organisation'
import { referrals } from '@hearth/db/schema/referrals'
import { isProfessionalSource, type ReferralSource } from '@hearth/domain/referrals'
import type { TaskRuleSet } from '../enablers/task-rules'

export const taskRules: TaskRuleSet = {
  /** A referral from a professional: an acknowledgement to the referrer. */
  'referral.received': async (tx, p) => {
    const ids: (string | null)[] = []
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
        and(eq(memberships.councilId, p.councilId), eq(memberships.personId, r.receivedBy), eq(teams.kind, 'referral')),
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
    return ids
  },
}
