import { and, eq } from 'drizzle-orm'
import { recordExports, subjectAccessRequests } from '@hearth/db/schema/records'
import { runRecordExport } from '@hearth/records'
import type { HandlerSet } from '../../handlers'

/**
 * A family's whole record, or a subject access request's gathering or redacted copy: progress on
 * the export as it goes; after the last try the export (and its request) say it failed, and the
 * officer can try again.
 */
export const handlers: HandlerSet = {
  'record.export': {
    async run(ctx, payload) {
      await runRecordExport(ctx.db, payload.councilId, payload.exportId)
    },
    async onDeadLetter(ctx, payload) {
      const [ex] = await ctx.db
        .update(recordExports)
        .set({ status: 'failed', error: 'export_failed', finishedAt: new Date() })
        .where(and(eq(recordExports.councilId, payload.councilId), eq(recordExports.id, payload.exportId)))
        .returning({ sarId: recordExports.sarId })
      if (ex?.sarId)
        await ctx.db
          .update(subjectAccessRequests)
          .set({ status: 'failed' })
          .where(and(eq(subjectAccessRequests.councilId, payload.councilId), eq(subjectAccessRequests.id, ex.sarId)))
    },
  },
}
