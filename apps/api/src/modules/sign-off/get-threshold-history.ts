import type { Deps } from '../../kernel/context'
import { and, desc, eq } from 'drizzle-orm'
import { people } from '@hearth/db/schema/organisation'
import { spendThresholds } from '@hearth/db/schema/sign-off'
import type { Caller } from '../../kernel/caller'

export async function getThresholdHistory(deps: Deps, caller: Caller) {
  const { db } = deps
  const { councilId } = caller.audit
  const rows = await db
    .select({ t: spendThresholds, name: people.name })
    .from(spendThresholds)
    .innerJoin(people, and(eq(people.id, spendThresholds.setBy), eq(people.councilId, spendThresholds.councilId)))
    .where(eq(spendThresholds.councilId, councilId))
    .orderBy(desc(spendThresholds.setAt))
  return rows.map(({ t, name }) => ({
    signOffPence: t.signOffPence,
    secondApproverPence: t.secondApproverPence,
    decisionWorkingDays: t.decisionWorkingDays,
    setByName: name,
    reason: t.reason,
    setAt: t.setAt.toISOString(),
  }))
}
