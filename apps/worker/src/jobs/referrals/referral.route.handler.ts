import { routeReferral } from '@hearth/db/referrals'
import type { JobPayload } from '@hearth/jobs'
import type { HandlerSet, JobContext } from '../../job-context'

/**
 * Routes a decided referral. Re-reads the referral, and is safe to run any number of times: the
 * offer is unique per referral and the whole change is one transaction, so a worker killed
 * mid-job leaves either nothing (the retry does it) or the finished offer (the retry finds it).
 */
export async function handleReferralRoute(ctx: JobContext, payload: JobPayload<'referral.route'>): Promise<void> {
  const outcome = await ctx.db.transaction((tx) => routeReferral(tx, payload.councilId, payload.referralId))
  if (outcome.kind === 'routed') {
    await ctx.publish({
      type: 'offer.created',
      councilId: payload.councilId,
      teamIds: [outcome.teamId],
      offerId: outcome.offerId,
      openCase: outcome.openCase,
    })
  } else if (outcome.kind === 'unroutable') {
    await ctx.publish({
      type: 'referral.unroutable',
      councilId: payload.councilId,
      teamIds: [],
      referralId: payload.referralId,
    })
  }
}

export async function handleOpenCaseAlert(
  ctx: JobContext,
  payload: JobPayload<'referral.open_case_alert'>,
): Promise<void> {
  await ctx.publish({
    type: 'referral.open_case',
    councilId: payload.councilId,
    teamIds: [payload.teamId],
    referralId: payload.referralId,
  })
}

export const handlers: HandlerSet = {
  'referral.route': { run: handleReferralRoute },
  'referral.open_case_alert': { run: handleOpenCaseAlert },
}
