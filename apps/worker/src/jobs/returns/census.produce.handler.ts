import { and, eq } from 'drizzle-orm'
import { censusRuns } from '@hearth/db/schema/returns'
import { runCensus } from '@hearth/returns'
import type { HandlerSet } from '../../handlers'

/**
 * Produces a census return: the screens read its progress from the run (children done of the
 * total); when done the XML and the rule report are written together. A retried job starts again
 * from the beginning (nothing half-written is kept); after the last try the run says it failed.
 */
export const handlers: HandlerSet = {
  'census.produce': {
    async run(ctx, payload) {
      await runCensus(ctx.db, payload.councilId, payload.runId)
    },
    async onDeadLetter(ctx, payload) {
      await ctx.db
        .update(censusRuns)
        .set({ status: 'failed', error: 'census_failed', finishedAt: new Date() })
        .where(and(eq(censusRuns.councilId, payload.councilId), eq(censusRuns.id, payload.runId)))
    },
  },
}
