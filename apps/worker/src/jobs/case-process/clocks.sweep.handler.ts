import { and, asc, eq, isNull, lt, lte, ne, sql } from 'drizzle-orm'
import { clockSettings, raiseClockAlerts, refreshCouncilClocks } from '@hearth/db/case-process'
import type { Db } from '@hearth/db/client'
import { councils } from '@hearth/db/schema/councils'
import { subjectAccessRequests } from '@hearth/db/schema/records'
import { CLOCK_RULES_VERSION } from '@hearth/domain/clocks'
import { SAR_WARNING_WORKING_DAYS } from '@hearth/domain/subject-access'
import { addWorkingDays, type HolidaySet, londonDateOf } from '@hearth/domain/working-days'
import { expireRecordExports } from '@hearth/records'
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
        : (
            await ctx.db
              .select({ id: councils.id })
              .from(councils)
              // a council being moved away, or its copy left until the move is confirmed
              .where(sql`not exists (select 1 from hearth_frozen_councils f where f.council_id = ${councils.id})`)
              .orderBy(asc(councils.id))
          ).map((c) => c.id)
      // the audit trail's months, three ahead (all councils share the table; made once each)
      if (!payload.councilId) await ctx.db.execute(sql`select hearth_audit_partitions()`)
      for (const councilId of ids) {
        await clocksToCurrentRules(ctx.db, councilId)
        const { holidays, warningDays } = await clockSettings(ctx.db, councilId)
        const horizon = addWorkingDays(today, warningDays, holidays)
        const { raised, teamIds } = await raiseClockAlerts(ctx.db, councilId, today, horizon)
        if (raised.length && teamIds.length)
          await ctx.publish({ type: 'clocks.alerted', councilId, teamIds, alerts: raised.length })
        const requests = await raiseSarAlerts(ctx.db, councilId, today, holidays)
        // housekeeping on the same hourly round: whole-record exports' files after 30 days
        await expireRecordExports(ctx.db, councilId)
        if (requests) await ctx.publish({ type: 'sar.alerted', councilId, teamIds: [], requests })
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
    if (stale) await refreshCouncilClocks(tx, councilId)
  })
}

/**
 * Subject access requests not yet sent: due within the warning (5 working days) or overdue, each
 * alert raised once (the request remembers the day it was raised). Returns how many were raised.
 */
async function raiseSarAlerts(db: Db, councilId: string, today: string, holidays: HolidaySet) {
  const t = subjectAccessRequests
  const open = and(eq(t.councilId, councilId), ne(t.status, 'sent'))
  const soon = await db
    .update(t)
    .set({ dueSoonAlertedOn: today })
    .where(
      and(open, isNull(t.dueSoonAlertedOn), lte(t.dueOn, addWorkingDays(today, SAR_WARNING_WORKING_DAYS, holidays))),
    )
    .returning({ id: t.id })
  const late = await db
    .update(t)
    .set({ overdueAlertedOn: today })
    .where(and(open, isNull(t.overdueAlertedOn), lt(t.dueOn, today)))
    .returning({ id: t.id })
  return soon.length + late.length
}
