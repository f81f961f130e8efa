import type { Deps } from '../../kernel/context'
import { writeAudit } from '@hearth/db/audit'
import { spendThresholds } from '@hearth/db/schema/sign-off'
import type { Thresholds } from '@hearth/domain/sign-off'
import { AppError } from '../../kernel/errors'
import type { Caller } from '../../kernel/caller'

export async function setThresholds(deps: Deps, caller: Caller, input: Thresholds & { reason: string }) {
  const { db } = deps
  if (input.secondApproverPence < input.signOffPence)
    throw new AppError('validation_failed', 'Check the highlighted answers.', [
      { field: 'body.secondApproverPence', message: 'must be at least the sign-off threshold' },
    ])
  await db.transaction(async (tx) => {
    await tx
      .insert(spendThresholds)
      .values({ councilId: caller.councilId, ...input, setBy: caller.audit.actorPersonId! })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'threshold.set',
      recordType: 'spend_threshold',
      details: { ...input },
    })
  })
}
