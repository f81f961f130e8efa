import { writeAudit } from '@hearth/db/audit'
import { censusQueryReasons } from '@hearth/db/schema/returns'
import type { z } from 'zod'
import type { QueryAccept } from '@hearth/contracts/returns'
import type { Finding } from '@hearth/returns'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'
import { AppError, invalid } from '../../kernel/errors'
import { censusRunOf, censusRunView } from './census-runs'

/** A query (a rule ending Q) accepted with the reason it stands, kept with the return. */
export async function acceptCensusQuery(deps: Deps, caller: Caller, id: string, input: z.infer<typeof QueryAccept>) {
  const { db } = deps
  const run = await censusRunOf(db, caller.councilId, id)
  const findings = (run.report as { findings: Finding[] } | null)?.findings ?? []
  if (!findings.some((f) => f.code === input.code && f.severity === 'query'))
    throw invalid('body.code', 'this return has no such query')
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(censusQueryReasons)
      .values({
        councilId: caller.councilId,
        runId: run.id,
        code: input.code,
        reason: input.reason,
        acceptedBy: caller.personId!,
      })
      .onConflictDoNothing()
      .returning()
    if (!row) throw new AppError('conflict', 'This query has been accepted already.')
    await writeAudit(tx, {
      ...caller.audit,
      action: 'census.query_accept',
      recordType: 'census_run',
      recordId: run.id,
      details: { code: input.code },
    })
  })
  return censusRunView(db, caller.councilId, run)
}
