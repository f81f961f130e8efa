import { and, desc, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import type { Db } from '@hearth/db/client'
import { people } from '@hearth/db/schema/organisation'
import { type RecordExport, recordExports } from '@hearth/db/schema/records'
import type { RecordExportView } from '@hearth/contracts/records'
import { enqueueInTx } from '@hearth/jobs'
import type { Deps } from '../../kernel/context'
import { familyInScope } from '../families/family-queries'
import { percentDone } from '../returns/runs'
import type { Caller } from '../../kernel/caller'

/** Export rows as the screens show them (without the files' bytes). */
export const exportColumns = {
  id: recordExports.id,
  councilId: recordExports.councilId,
  familyId: recordExports.familyId,
  purpose: recordExports.purpose,
  sarId: recordExports.sarId,
  status: recordExports.status,
  stepsDone: recordExports.stepsDone,
  stepsTotal: recordExports.stepsTotal,
  requestedBy: recordExports.requestedBy,
  requestedByName: people.name,
  createdAt: recordExports.createdAt,
  finishedAt: recordExports.finishedAt,
  counts: recordExports.counts,
  error: recordExports.error,
}
export type ExportSummary = Omit<RecordExport, 'pdf' | 'json' | 'csvZip' | 'startedAt'> & { requestedByName: string }

export function exportView(e: ExportSummary): RecordExportView {
  const files: RecordExportView['files'] =
    e.status !== 'done'
      ? []
      : e.purpose === 'record'
        ? ['pdf', 'json', 'csv']
        : e.purpose === 'sar_response'
          ? ['pdf']
          : []
  return {
    id: e.id,
    familyId: e.familyId,
    purpose: e.purpose,
    status: e.status,
    stepsDone: e.stepsDone,
    stepsTotal: e.stepsTotal,
    percent: percentDone(e.status, e.stepsDone, e.stepsTotal),
    requestedBy: e.requestedByName,
    createdAt: e.createdAt.toISOString(),
    finishedAt: e.finishedAt?.toISOString() ?? null,
    counts: (e.counts as RecordExportView['counts'] | null) ?? [],
    files,
    error: e.error,
  }
}

export async function exportSummaries(db: Db, councilId: string, where: ReturnType<typeof and>) {
  return db
    .select(exportColumns)
    .from(recordExports)
    .innerJoin(people, and(eq(people.councilId, recordExports.councilId), eq(people.id, recordExports.requestedBy)))
    .where(and(eq(recordExports.councilId, councilId), where))
    .orderBy(desc(recordExports.createdAt))
}

/**
 * Starts a family's whole-record export (the worker does it, with progress). Only someone who
 * can open the family's record; the export is theirs alone to see and download.
 */
export async function startRecordExport(deps: Deps, caller: Caller, familyId: string) {
  await familyInScope(deps.db, caller.councilId, caller.familyScope, familyId)
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(recordExports)
      .values({ councilId: caller.councilId, familyId, purpose: 'record', requestedBy: caller.personId })
      .returning({ id: recordExports.id })
    await enqueueInTx(tx, caller.councilId, 'record.export', { councilId: caller.councilId, exportId: row!.id })
    await writeAudit(tx, {
      ...caller.audit,
      action: 'record.export',
      recordType: 'record_export',
      recordId: row!.id,
      familyId,
    })
    return row!.id
  })
  return exportView((await exportSummaries(deps.db, caller.councilId, eq(recordExports.id, id)))[0]!)
}

/** The family's exports this person made, newest first. */
export async function myRecordExports(deps: Deps, caller: Caller, familyId: string) {
  await familyInScope(deps.db, caller.councilId, caller.familyScope, familyId)
  const rows = await exportSummaries(
    deps.db,
    caller.councilId,
    and(
      eq(recordExports.familyId, familyId),
      eq(recordExports.purpose, 'record'),
      eq(recordExports.requestedBy, caller.personId),
    ),
  )
  return { familyId, exports: rows.slice(0, 20).map(exportView) }
}

/** The family an export is of, for the audit row of downloading it (null when there is none). */
export async function familyOfExport(db: Db, councilId: string, id: string): Promise<string | null> {
  const [e] = await db
    .select({ familyId: recordExports.familyId })
    .from(recordExports)
    .where(and(eq(recordExports.councilId, councilId), eq(recordExports.id, id)))
  return e?.familyId ?? null
}
