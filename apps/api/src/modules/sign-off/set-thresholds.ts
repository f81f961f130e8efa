import type { Ctx, Deps } from '../../kernel/context'
import { spendThresholds, writeAudit } from '@hearth/db'
import type { Thresholds } from '@hearth/domain'
import { AppError } from '../../kernel/errors'

export async function setThresholds(deps: Deps, ctx: Ctx, input: Thresholds & { reason: string }) {
  const { db } = deps
  if (input.secondApproverPence < input.signOffPence)
    throw new AppError('validation_failed', 'Check the highlighted answers.', [
      { field: 'body.secondApproverPence', message: 'must be at least the sign-off threshold' },
    ])
  await db.transaction(async (tx) => {
    await tx.insert(spendThresholds).values({ councilId: ctx.councilId, ...input, setBy: ctx.actorPersonId! })
    await writeAudit(tx, { ...ctx, action: 'threshold.set', recordType: 'spend_threshold', details: { ...input } })
  })
}
