import { and, eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { Db } from '@hearth/db/client'
import { type AnnexRun, annexRuns } from '@hearth/db/schema/returns'
import type { AnnexRunCreate } from '@hearth/contracts/returns'
import { addCalendarDays, londonDateOf } from '@hearth/domain/working-days'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'
import { invalid, notFound } from '../../kernel/errors'
import { listRuns, runProgress, startRun } from './runs'

/** An Annex A run: its period, progress and each list's rows. */
export async function annexRunView(db: Db, councilId: string, run: AnnexRun) {
  return {
    ...(await runProgress(db, councilId, run)),
    from: run.fromDate,
    to: run.toDate,
    lists: (run.lists as { number: number; name: string; rows: number; note: string | null }[] | null) ?? [],
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
  const run = await startRun(deps, caller, {
    job: 'annex.produce',
    recordType: 'annex_run',
    busy: 'Annex A is being produced already: wait for it to finish.',
    insert: (tx) =>
      tx
        .insert(annexRuns)
        .values({ councilId: caller.councilId, fromDate: from, toDate: to, requestedBy: caller.personId! })
        .onConflictDoNothing()
        .returning(),
  })
  return annexRunView(deps.db, caller.councilId, run)
}

/** The Annex A workbooks produced, newest first. */
export async function listAnnexRuns(deps: Deps, caller: Caller) {
  const rows = await listRuns(deps, caller, annexRuns)
  return Promise.all(rows.map((r) => annexRunView(deps.db, caller.councilId, r)))
}
