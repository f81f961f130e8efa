import { and, eq, lt } from 'drizzle-orm'
import { clockSettings, raiseClockAlerts } from '@hearth/db/case-process'
import type { Db } from '@hearth/db/client'
import { refreshAllClocks } from '@hearth/db/record-clocks'
import { councils } from '@hearth/db/schema/councils'
import { CLOCK_RULES_VERSION } from '@hearth/domain/clocks'
import { londonDateOf } from '@hearth/domain/working-days'
import type { HandlerSet } from '../../handlers'
import { councilsAtRest } from '../councils-at-rest'

/**
 * The clocks' sweep: for each council, every clock (`clock_dues`: the children's statutory
 * clocks, a referral's decision, a complaint's answer, a subject access request's copy) due
 * within its warning or past its due date gets its alert, once (a second run the same day raises
 * nothing; a run after two missed days raises all that were missed). Who works on it is told
 * live; the screens read the alerts back with the clocks.
 */
export const handlers: HandlerSet = {
  'clocks.sweep': {
    async run(ctx, payload) {
      const today = payload.today ?? londonDateOf(new Date())
      for (const councilId of await councilsAtRest(ctx.db, payload.councilId)) {
        await clocksToCurrentRules(ctx.db, councilId)
        const settings = await clockSettings(ctx.db, councilId)
        const { raised, teamIds, records } = await raiseClockAlerts(ctx.db, councilId, today, settings)
        const forTeams = raised.length - records
        if (forTeams && teamIds.length)
          await ctx.publish({ type: 'clocks.alerted', councilId, teamIds, alerts: forTeams })
        if (records) await ctx.publish({ type: 'sar.alerted', councilId, teamIds: [], requests: records })
      }
    },
  },
}

/**
 * A council whose clocks were worked out by older rules: every clock worked out again, and the
 * council marked as current, in one transaction (a second sweep at the same time finds it done).
 */
async function clocksToCurrentRules(db: Db, councilId: string) {
  await db.transaction(async (tx) => {
    const [stale] = await tx
      .update(councils)
      .set({ clockRulesVersion: CLOCK_RULES_VERSION })
      .where(and(eq(councils.id, councilId), lt(councils.clockRulesVersion, CLOCK_RULES_VERSION)))
      .returning({ id: councils.id })
    if (stale) await refreshAllClocks(tx, councilId)
  })
}
