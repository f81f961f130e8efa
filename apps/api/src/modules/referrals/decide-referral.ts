import type { Deps } from '../../kernel/context'
import { and, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import { holdContact } from '@hearth/db/contact'
import { stopRecordClock } from '@hearth/db/record-clocks'
import { referrals } from '@hearth/db/schema/referrals'
import type { DecisionInput } from '@hearth/contracts/referrals'
import { decisionNeedsPrimaryNeed, decisionNeedsTeam } from '@hearth/domain/referrals'
import { enqueueInTx } from '@hearth/jobs'
import { AppError, invalid } from '../../kernel/errors'
import { loadReferral } from './referral-views'
import { getReferral } from './get-referral'
import type { Caller } from '../../kernel/caller'

/** Decides once: a second decision (or two officers at the same moment) is refused. */
export async function decideReferral(deps: Deps, caller: Caller, id: string, input: DecisionInput) {
  const { db } = deps
  const decision = input.decision as Parameters<typeof decisionNeedsTeam>[0]
  if (decisionNeedsPrimaryNeed(decision) && !input.primaryNeedCode)
    throw invalid('body.primaryNeedCode', 'choose the primary need (N0 … N9) when the decision is to assess')
  const needsTeam = decisionNeedsTeam(decision)
  await db.transaction(async (tx) => {
    const [r] = await tx
      .update(referrals)
      .set({
        status: 'decided',
        decision,
        decisionReasons: input.reasons,
        primaryNeedCode: input.primaryNeedCode ?? null,
        decidedAt: new Date(),
        decidedBy: caller.audit.actorPersonId,
        routingStatus: needsTeam ? 'queued' : 'not_needed',
      })
      .where(
        and(eq(referrals.councilId, caller.councilId), eq(referrals.id, id), eq(referrals.status, 'awaiting_decision')),
      )
      .returning()
    if (!r) {
      await loadReferral(tx, caller.councilId, id) // 404 when it does not exist
      throw new AppError('conflict', 'This referral has already been decided.')
    }
    await stopRecordClock(tx, caller.councilId, 'referral_decision', id)
    await writeAudit(tx, {
      ...caller.audit,
      action: 'referral.decide',
      recordType: 'referral',
      recordId: id,
      familyId: r.familyId,
      details: {
        decision,
        primaryNeedCode: input.primaryNeedCode ?? null,
        onTime: r.decidedAt!.getTime() < r.dueAt.getTime(),
      },
    })
    if (decision === 'strategy_discussion') {
      // A safeguarding enquiry: contact with the family waits for the lead's decision.
      await holdContact(tx, caller.audit, { familyId: r.familyId, reason: 'safeguarding_enquiry', referralId: id })
    }
    if (needsTeam)
      await enqueueInTx(tx, caller.councilId, 'referral.route', { councilId: caller.councilId, referralId: id })
  })
  return getReferral(deps, caller, id)
}
