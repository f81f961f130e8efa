import { and, desc, eq } from 'drizzle-orm'
import { writeAudit } from '@hearth/db/audit'
import type { Db, Tx } from '@hearth/db/client'
import { people } from '@hearth/db/schema/organisation'
import type { annexRuns, censusRuns } from '@hearth/db/schema/returns'
import { enqueueInTx } from '@hearth/jobs'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'
import { AppError } from '../../kernel/errors'

/** The tables of the returns' runs: each row one return produced by the worker, with progress. */
type RunTable = typeof censusRuns | typeof annexRuns
type RunRow = RunTable['$inferSelect']

/** How far a return's run has gone, 0–100: done is 100 whatever the counts say. */
export function percentDone(status: string, done: number, total: number): number {
  if (status === 'done') return 100
  return total ? Math.floor((100 * done) / total) : 0
}

/** What every return's run shows: where it has got to, who asked for it and when. */
export async function runProgress(db: Db, councilId: string, run: RunRow) {
  const [who] = await db
    .select({ name: people.name })
    .from(people)
    .where(and(eq(people.councilId, councilId), eq(people.id, run.requestedBy)))
  return {
    id: run.id,
    status: run.status,
    childrenTotal: run.childrenTotal,
    childrenDone: run.childrenDone,
    percent: percentDone(run.status, run.childrenDone, run.childrenTotal),
    requestedBy: who?.name ?? '',
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    error: run.error,
  }
}

/**
 * Starts a return: its row (one queued or running at a time in a council: `insert` gives nothing
 * back when one is, and the caller is told `busy`), its job and its audit row, in one transaction.
 */
export async function startRun<R extends RunRow>(
  deps: Deps,
  caller: Caller,
  run: {
    job: 'census.produce' | 'annex.produce'
    recordType: 'census_run' | 'annex_run'
    busy: string
    insert: (tx: Tx) => Promise<R[]>
  },
): Promise<R> {
  return deps.db.transaction(async (tx) => {
    const [row] = await run.insert(tx)
    if (!row) throw new AppError('conflict', run.busy)
    await enqueueInTx(tx, caller.councilId, run.job, { councilId: caller.councilId, runId: row.id })
    await writeAudit(tx, { ...caller.audit, action: run.job, recordType: run.recordType, recordId: row.id })
    return row
  })
}

/** A return's last 20 runs in the caller's council, newest first. */
export async function listRuns<T extends RunTable>(deps: Deps, caller: Caller, table: T): Promise<T['$inferSelect'][]> {
  const t = table as typeof censusRuns
  return deps.db
    .select()
    .from(t)
    .where(eq(t.councilId, caller.councilId))
    .orderBy(desc(t.createdAt))
    .limit(20) as Promise<T['$inferSelect'][]>
}
