import { and, eq } from 'drizzle-orm'
import { auditExports } from '@hearth/db/schema/audit'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'

/** A finished audit export's CSV and its file name; anything else is not found. */
export async function getAuditExportFile(deps: Deps, caller: Caller, id: string) {
  const [row] = await deps.db
    .select()
    .from(auditExports)
    .where(and(eq(auditExports.councilId, caller.councilId), eq(auditExports.id, id)))
  if (row?.status !== 'done' || row.content === null) throw notFound('finished export')
  return { name: `hearth-audit-${row.createdAt.toISOString().slice(0, 10)}.csv`, content: row.content }
}
