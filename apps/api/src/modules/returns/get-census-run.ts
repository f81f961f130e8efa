import { writeAudit } from '@hearth/db/audit'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'
import { AppError } from '../../kernel/errors'
import { censusRunOf, censusRunView, yearLabel } from './census-runs'

/** A census return: its progress, and the rule report naming the children to fix. */
export async function getCensusRun(deps: Deps, caller: Caller, id: string) {
  return censusRunView(deps.db, caller.councilId, await censusRunOf(deps.db, caller.councilId, id))
}

/** The census XML, when done; its download is audited here, once. */
export async function getCensusFile(deps: Deps, caller: Caller, id: string) {
  const { db } = deps
  const run = await censusRunOf(db, caller.councilId, id)
  if (run.status !== 'done' || !run.xml) throw new AppError('conflict', 'This census is not ready yet.')
  await writeAudit(db, {
    ...caller.audit,
    action: 'census.download',
    recordType: 'census_run',
    recordId: run.id,
    details: { children: (run.report as { children: number } | null)?.children ?? 0 },
  })
  return { name: `cin-census-${yearLabel(run.collectionYear).replace('–', '-')}.xml`, xml: run.xml }
}
