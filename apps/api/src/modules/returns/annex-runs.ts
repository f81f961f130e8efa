import { and, desc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { type AnnexRun, annexRuns, type Db, people, writeAudit } from '@hearth/db'
import type { AnnexRunCreate } from '@hearth/contracts'
import { addCalendarDays, londonDateOf } from '@hearth/domain'
import { enqueueInTx } from '@hearth/jobs'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { percentDone } from './runs'

/** An Annex A run: its period, progress and each list's rows. */
export async function annexRunView(db: Db, councilId: string, run: AnnexRun) {
  const [who] = await db
    .select({ name: people.name })
    .from(people)
    .where(and(eq(people.councilId, councilId), eq(people.id, run.requestedBy)))
  return {
    id: run.id,
    from: run.fromDate,
    to: run.toDate,
    status: run.status,
    childrenTotal: run.childrenTotal,
    childrenDone: run.childrenDone,
    percent: percentDone(run.status, run.childrenDone, run.childrenTotal),
    requestedBy: who?.name ?? '',
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    lists: (run.lists as { number: number; name: string; rows: number; note: string | null }[] | null) ?? [],
    error: run.error,
  }
}

/** An Annex A run of the caller's council, or not found. */
export async function annexRunOf(db: Db, councilId: string, id: string) {
  const [run] = await db
    .select()
    .from(annexRuns)
    .where(and(eq(annexRuns.councilId, councilId), eq(annexRuns.id, id)))
  if (!run) throw notFound('Annex A')
  return run
}

/** Annex A for a period of at most three years ending no later than today; one run at a time. */
export async function startAnnexRun(deps: Deps, caller: Caller, input: z.infer<typeof AnnexRunCreate>) {
  const { from, to } = input
  if (to > londonDateOf(new Date())) throw invalid('body.to', 'the period cannot end in the future')
  if (from > to) throw invalid('body.from', 'the period must start before it ends')
  if (from < addCalendarDays(to, -3 * 366)) throw invalid('body.from', 'a period of at most three years')
  const run = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(annexRuns)
      .values({ councilId: caller.councilId, fromDate: from, toDate: to, requestedBy: caller.personId! })
      .onConflictDoNothing()
      .returning()
    if (!row) throw new AppError('conflict', 'Annex A is being produced already: wait for it to finish.')
    await enqueueInTx(tx, caller.councilId, 'annex.produce', { councilId: caller.councilId, runId: row.id })
    await writeAudit(tx, { ...caller.audit, action: 'annex.produce', recordType: 'annex_run', recordId: row.id })
    return row
  })
  return annexRunView(deps.db, caller.councilId, run)
}

/** The Annex A workbooks produced, newest first. */
export async function listAnnexRuns(deps: Deps, caller: Caller) {
  const rows = await deps.db
    .select()
    .from(annexRuns)
    .where(eq(annexRuns.councilId, caller.councilId))
    .orderBy(desc(annexRuns.createdAt))
    .limit(20)
  return Promise.all(rows.map((r) => annexRunView(deps.db, caller.councilId, r)))
}
