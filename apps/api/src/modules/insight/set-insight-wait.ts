import type { Ctx, Deps } from '../../kernel/context'
import { insightSettings, writeAudit } from '@hearth/db'

export async function setInsightWait(deps: Deps, ctx: Ctx, waitWorkingDays: number) {
  const { db } = deps
  await db.transaction(async (tx) => {
    await tx.insert(insightSettings).values({ councilId: ctx.councilId, waitWorkingDays, setBy: ctx.actorPersonId! })
    await writeAudit(tx, {
      ...ctx,
      action: 'insight.settings',
      recordType: 'insight_settings',
      details: { waitWorkingDays },
    })
  })
}
