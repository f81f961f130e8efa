import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { routeReferral } from '@hearth/db/referrals'
import { teams } from '@hearth/db/schema/organisation'
import { AppError, invalid } from '../../kernel/errors'
import { loadReferral } from './referral-views'
import type { Caller } from '../../kernel/caller'

/** The front door sends a referral that could not be routed to a team it chooses. */
export async function routeReferralTo(deps: Deps, caller: Caller, id: string, teamId: string) {
  const { db } = deps
  const [team] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.councilId, caller.councilId), eq(teams.id, teamId)))
  if (team?.kind !== 'family_facing') throw invalid('body.teamId', 'choose a family-facing team of this council')
  const r = await loadReferral(db, caller.councilId, id)
  if (r.routingStatus !== 'unroutable')
    throw new AppError(
      'conflict',
      r.routingStatus === 'routed'
        ? 'This referral is already on a team’s board.'
        : 'Only a referral that could not be routed is sent by hand.',
    )
  const outcome = await db.transaction(async (tx) => {
    const o = await routeReferral(tx, caller.councilId, id, { teamId, actorPersonId: caller.audit.actorPersonId })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'referral.route_manual',
      recordType: 'referral',
      recordId: id,
      familyId: r.familyId,
      details: { teamId },
    })
    return o
  })
  return outcome
}
