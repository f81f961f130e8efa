import { and, asc, eq, gte, lt } from 'drizzle-orm'
import type { Db } from '@hearth/db/client'
import { auditEvents, auditExports } from '@hearth/db/schema/audit'
import { csvCell } from '@hearth/domain/csv'
import type { JobPayload } from '@hearth/jobs'
import type { HandlerSet } from '../../job-context'

const COLUMNS = [
  'at',
  'actor_person_id',
  'action',
  'record_type',
  'record_id',
  'family_id',
  'child_id',
  'method',
  'route',
  'request_id',
] as const

/** Writes the audit trail (ids only) as CSV onto the export row. Re-running it rewrites the same content. */
export async function handleAuditExport(db: Db, payload: JobPayload<'audit.export'>): Promise<void> {
  const [exp] = await db
    .select()
    .from(auditExports)
    .where(and(eq(auditExports.councilId, payload.councilId), eq(auditExports.id, payload.exportId)))
  if (!exp || exp.status === 'done') return // moved on: nothing to do
  await db
    .update(auditExports)
    .set({ status: 'running' })
    .where(and(eq(auditExports.councilId, exp.councilId), eq(auditExports.id, exp.id)))

  const f = exp.filters
  const conditions = [eq(auditEvents.councilId, exp.councilId)]
  if (f.personId) conditions.push(eq(auditEvents.actorPersonId, f.personId))
  if (f.childId) conditions.push(eq(auditEvents.childId, f.childId))
  if (f.from) conditions.push(gte(auditEvents.at, new Date(`${f.from}T00:00:00Z`)))
  if (f.to) conditions.push(lt(auditEvents.at, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000)))
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id))

  const lines = [COLUMNS.join(',')]
  for (const r of rows) {
    lines.push(
      [r.at, r.actorPersonId, r.action, r.recordType, r.recordId, r.familyId, r.childId, r.method, r.route, r.requestId]
        .map(csvCell)
        .join(','),
    )
  }
  await db
    .update(auditExports)
    .set({
      status: 'done',
      content: `${lines.join('\n')}\n`,
      rowCount: rows.length,
      completedAt: new Date(),
      error: null,
    })
    .where(and(eq(auditExports.councilId, exp.councilId), eq(auditExports.id, exp.id)))
}

/** Called when the last attempt has failed: the export shows as failed, the job stays on the dead-letter list. */
export async function failAuditExport(db: Db, payload: JobPayload<'audit.export'>, message: string): Promise<void> {
  await db
    .update(auditExports)
    .set({ status: 'failed', error: message.slice(0, 500) })
    .where(and(eq(auditExports.councilId, payload.councilId), eq(auditExports.id, payload.exportId)))
}

export const handlers: HandlerSet = {
  'audit.export': {
    run: (ctx, p) => handleAuditExport(ctx.db, p),
    onDeadLetter: (ctx, p, m) => failAuditExport(ctx.db, p, m),
  },
}
