import { desc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { writeAudit } from '@hearth/db/audit'
import { auditExports } from '@hearth/db/schema/audit'
import type { AuditFilters } from '@hearth/contracts/audit'
import { enqueueInTx } from '@hearth/jobs'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'

export function exportView(e: typeof auditExports.$inferSelect) {
  return {
    id: e.id,
    status: e.status,
    filters: e.filters,
    rowCount: e.rowCount,
    error: e.error,
    createdAt: e.createdAt.toISOString(),
    completedAt: e.completedAt?.toISOString() ?? null,
  }
}

/** A CSV of the audit trail asked for: the worker writes it; the asking is itself audited. */
export async function startAuditExport(deps: Deps, caller: Caller, filters: z.infer<typeof AuditFilters>) {
  const row = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(auditExports)
      .values({ councilId: caller.councilId, requestedBy: caller.personId!, filters })
      .returning()
    await enqueueInTx(tx, caller.councilId, 'audit.export', { councilId: caller.councilId, exportId: row!.id })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'audit_export.create',
      recordType: 'audit_export',
      recordId: row!.id,
    })
    return row!
  })
  return exportView(row)
}

/** The council's recent audit exports, newest first. */
export async function listAuditExports(deps: Deps, caller: Caller) {
  const rows = await deps.db
    .select()
    .from(auditExports)
    .where(eq(auditExports.councilId, caller.councilId))
    .orderBy(desc(auditExports.createdAt))
    .limit(50)
  return rows.map(exportView)
}
