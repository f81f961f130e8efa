import type { Db } from '@hearth/db'
import { JOBS, type HearthEvent, type JobName, type JobPayload } from '@hearth/jobs'
import { handleAdminTasks } from './jobs/admin.tasks.handler'
import { failAuditExport, handleAuditExport } from './jobs/audit.export.handler'
import { handleOpenCaseAlert, handleReferralRoute } from './jobs/referral.route.handler'

export interface JobContext {
  db: Db
  /** Live event to the web app; best effort (the data is already committed). */
  publish(event: HearthEvent): Promise<void>
}

export interface Handler<N extends JobName> {
  run(ctx: JobContext, payload: JobPayload<N>): Promise<void>
  /** After the final attempt failed. */
  onDeadLetter?(ctx: JobContext, payload: JobPayload<N>, message: string): Promise<void>
}

export const HANDLERS: { [N in JobName]: Handler<N> } = {
  'audit.export': {
    run: (ctx, p) => handleAuditExport(ctx.db, p),
    onDeadLetter: (ctx, p, m) => failAuditExport(ctx.db, p, m),
  },
  'referral.route': { run: handleReferralRoute },
  'referral.open_case_alert': { run: handleOpenCaseAlert },
  'admin.tasks': { run: handleAdminTasks },
}

/** Every job name has exactly one handler and every handler a job name (checked at boot). */
export function assertHandlersComplete(handlers: Record<string, unknown> = HANDLERS): void {
  const names = Object.keys(JOBS)
  const missing = names.filter((n) => !(n in handlers))
  const extra = Object.keys(handlers).filter((n) => !names.includes(n))
  if (missing.length || extra.length) {
    throw new Error(`job handlers out of step: missing [${missing.join(', ')}], unknown [${extra.join(', ')}]`)
  }
}
