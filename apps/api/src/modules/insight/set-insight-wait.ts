import type { Deps } from '../../kernel/context'
import { writeAudit } from '@hearth/db/audit'
import { insightSettings } from '@hearth/db/schema/insight'
import type { Caller } from '../../kernel/caller'

export async function setInsightWait(deps: Deps, caller: Caller, waitWorkingDays: number) {
  const { db } = deps
  await db.transaction(async (tx) => {
    await tx
      .insert(insightSettings)
      .values({ councilId: caller.councilId, waitWorkingDays, setBy: caller.audit.actorPersonId! })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'insight.settings',
      recordType: 'insight_settings',
      details: { waitWorkingDays },
    })
  })
}
