import { writeAudit } from '@hearth/db/audit'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import { annexRunOf, annexRunView } from './annex-runs'

/** An Annex A workbook: its progress and each list's rows. */
export async function getAnnexRun(deps: Deps, caller: Caller, id: string) {
  return annexRunView(deps.db, caller.councilId, await annexRunOf(deps.db, caller.councilId, id))
}

/** The workbook, when done; its download is audited here, once. */
export async function getAnnexFile(deps: Deps, caller: Caller, id: string) {
  const run = await annexRunOf(deps.db, caller.councilId, id)
  if (run.status !== 'done' || !run.file) throw new AppError('conflict', 'This workbook is not ready yet.')
  await writeAudit(deps.db, { ...caller.audit, action: 'annex.download', recordType: 'annex_run', recordId: run.id })
  return { name: `annex-a-${run.fromDate}-to-${run.toDate}.xlsx`, file: run.file }
}
