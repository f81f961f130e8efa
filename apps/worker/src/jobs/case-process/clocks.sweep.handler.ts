import { asc } from 'drizzle-orm'
import { clockSettings, councils, raiseClockAlerts } from '@hearth/db'
import { addWorkingDays, londonDateOf } from '@hearth/domain'
import type { HandlerSet } from '../../handlers'

/**
 * The clocks' sweep: for each council, every clock due within its warning or past its due date
 * gets its alert, once (a second run the same day raises nothing; a run after two missed days
 * raises all that were missed). The lead, co-worker and team board are told live; the screens
 * read the alerts back with the clocks.
 */
export const handlers: HandlerSet = {
  'clocks.sweep': {
    async run(ctx, payload) {
      const today = payload.today ?? londonDateOf(new Date())
      const ids = payload.councilId
        ? [payload.councilId]
        : (await ctx.db.select({ id: councils.id }).from(councils).orderBy(asc(councils.id))).map((c) => c.id)
      for (const councilId of ids) {
        const { holidays, warningDays } = await clockSettings(ctx.db, councilId)
        const horizon = addWorkingDays(today, warningDays, holidays)
        const { raised, teamIds } = await raiseClockAlerts(ctx.db, councilId, today, horizon)
        if (raised.length && teamIds.length)
          await ctx.publish({ type: 'clocks.alerted', councilId, teamIds, alerts: raised.length })
      }
    },
  },
}
