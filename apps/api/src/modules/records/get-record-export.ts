import { and, eq } from 'drizzle-orm'
import { recordExports } from '@hearth/db/schema/records'
import type { Deps } from '../../kernel/context'
import { notFound } from '../../kernel/errors'
import { familyInScope } from '../families/family-queries'
import type { Caller } from '../../kernel/caller'
import { exportSummaries, exportView } from './record-exports'

/**
 * One export, if this person may see it: a whole-record export by the person who asked for it
 * (while the family is still theirs to see); a subject access request's by information governance.
 */
export async function visibleExport(deps: Deps, caller: Caller, id: string) {
  const [e] = await exportSummaries(deps.db, caller.councilId, eq(recordExports.id, id))
  if (!e) throw notFound('export')
  if (e.purpose === 'record') {
    if (e.requestedBy !== caller.personId) throw notFound('export')
    await familyInScope(deps.db, caller.councilId, caller.familyScope, e.familyId)
  } else if (!caller.roles.includes('information_governance')) throw notFound('export')
  return e
}

const FILES = {
  pdf: { column: 'pdf', type: 'application/pdf', ext: 'pdf' },
  json: { column: 'json', type: 'application/json', ext: 'json' },
  csv: { column: 'csvZip', type: 'application/zip', ext: 'csv.zip' },
} as const

/** A file of a finished export, when it has one. */
export async function exportFile(deps: Deps, caller: Caller, id: string, file: keyof typeof FILES) {
  const e = await visibleExport(deps, caller, id)
  if (!exportView(e).files.includes(file)) throw notFound('file')
  const f = FILES[file]
  const [row] = await deps.db
    .select({ bytes: recordExports[f.column] })
    .from(recordExports)
    .where(and(eq(recordExports.councilId, caller.councilId), eq(recordExports.id, id)))
  if (!row?.bytes) throw notFound('file')
  return { bytes: row.bytes, type: f.type, name: `hearth-record-${e.id.slice(0, 8)}.${f.ext}`, familyId: e.familyId }
}
