import { and, eq } from 'drizzle-orm'
import { annexRuns } from '@hearth/db/schema/returns'
import { runAnnexA } from '@hearth/returns'
import type { HandlerSet } from '../../handlers'

/**
 * Produces an Annex A workbook: progress on the run as it goes, the file and row counts written
 * together at the end; a retried job starts again; after the last try the run says it failed.
 */
export const handlers: HandlerSet = {
  'annex.produce': {
    async run(ctx, payload) {
      await runAnnexA(ctx.db, payload.councilId, payload.runId)
    },
    async onDeadLetter(ctx, payload) {
      await ctx.db
        .update(annexRuns)
        .set({ status: 'failed', error: 'annex_failed', finishedAt: new Date() })
        .where(and(eq(annexRuns.councilId, payload.councilId), eq(annexRuns.id, payload.runId)))
    },
  },
}
