import { auditEvents } from './schema'
import type { Executor } from './client'

export interface AuditEntry {
  councilId: string
  actorPersonId: string | null
  action: string
  recordType: string
  recordId?: string | null
  familyId?: string | null
  childId?: string | null
  route?: string | null
  method?: string | null
  ip?: string | null
  requestId?: string | null
  /** Identifiers and field names only: never the values of personal data. */
  details?: Record<string, unknown> | null
}

/** Writes audit rows with the given executor: pass the transaction that makes the change. */
export async function writeAudit(ex: Executor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const rows = Array.isArray(entries) ? entries : [entries]
  if (rows.length === 0) return
  await ex.insert(auditEvents).values(rows)
}
