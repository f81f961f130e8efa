import { sql } from 'drizzle-orm'
import { expireRecordExports } from '@hearth/records'
import type { HandlerSet } from '../../handlers'
import { councilsAtRest } from '../councils-at-rest'

/**
 * Housekeeping, each job on its own schedule and apart from the clocks' sweep (a slow or failing
 * one never holds up an alert): the audit trail's monthly partitions, made three months ahead,
 * and whole-record exports' files cleared after 30 days.
 */
export const handlers: HandlerSet = {
  'audit.partitions': {
    async run(ctx) {
      // all councils share the table; a month already made is left alone
      await ctx.db.execute(sql`select hearth_audit_partitions()`)
    },
  },
  'record.exports_expire': {
    async run(ctx, payload) {
      for (const councilId of await councilsAtRest(ctx.db, payload.councilId))
        await expireRecordExports(ctx.db, councilId)
    },
  },
}
