import type { Db } from '@hearth/db'
import { JOBS, type JobName, type JobPayload } from '@hearth/jobs'
import { failAuditExport, handleAuditExport } from './jobs/audit.export.handler'

export interface Handler<N extends JobName> {
  run(db: Db, payload: JobPayload<N>): Promise<void>
  /** After the final attempt failed. */
  onDeadLetter?(db: Db, payload: JobPayload<N>, message: string): Promise<void>
}

export const HANDLERS: { [N in JobName]: Handler<N> } = {
  'audit.export': { run: handleAuditExport, onDeadLetter: failAuditExport },
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
