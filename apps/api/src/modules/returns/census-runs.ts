import { and, eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { Db } from '@hearth/db/client'
import { councils } from '@hearth/db/schema/councils'
import { people } from '@hearth/db/schema/organisation'
import { type CensusRun, censusQueryReasons, censusRuns } from '@hearth/db/schema/returns'
import type { CensusRunCreate } from '@hearth/contracts/returns'
import { londonDateOf } from '@hearth/domain/working-days'
import { CENSUS_YEARS, censusCandidates, censusContext, censusYear, type Finding } from '@hearth/returns'
import type { Caller } from '../../kernel/caller'
import type { Deps } from '../../kernel/context'
import { invalid, notFound } from '../../kernel/errors'
import { listRuns, runProgress, startRun } from './runs'

export const yearLabel = (y: number) => `${y - 1}–${String(y).slice(2)}`

/** A census run as the data team sees it: progress, the rule report, queries accepted and by whom. */
export async function censusRunView(db: Db, councilId: string, run: CensusRun) {
  const accepted = await db
    .select({
      code: censusQueryReasons.code,
      reason: censusQueryReasons.reason,
      at: censusQueryReasons.createdAt,
      by: people.name,
    })
    .from(censusQueryReasons)
    .innerJoin(
      people,
      and(eq(people.id, censusQueryReasons.acceptedBy), eq(people.councilId, censusQueryReasons.councilId)),
    )
    .where(and(eq(censusQueryReasons.councilId, councilId), eq(censusQueryReasons.runId, run.id)))
  const report = run.report as { children: number; findings: Finding[] } | null
  const findings = (report?.findings ?? []).map((f) => {
    const a = accepted.find((x) => x.code === f.code)
    return { ...f, accepted: a ? { reason: a.reason, by: a.by, at: a.at.toISOString() } : null }
  })
  const errorCount = findings.filter((f) => f.severity === 'error').length
  const queries = findings.filter((f) => f.severity === 'query')
  return {
    ...(await runProgress(db, councilId, run)),
    collectionYear: run.collectionYear,
    label: yearLabel(run.collectionYear),
    children: report?.children ?? null,
    errors: errorCount,
    queries: queries.length,
    readyToSubmit: run.status === 'done' && errorCount === 0 && queries.every((q) => q.accepted),
    findings,
  }
}

/** A census run of the caller's council, or not found. */
export async function censusRunOf(db: Db, councilId: string, id: string) {
  const [run] = await db
    .select()
    .from(censusRuns)
    .where(and(eq(censusRuns.councilId, councilId), eq(censusRuns.id, id)))
  if (!run) throw notFound('census return')
  return run
}

/**
 * The census for a collection year, produced by the worker: refused in words for a year Hearth
 * has no specification for, one not started, or one with nothing to return; one run at a time.
 */
export async function startCensusRun(deps: Deps, caller: Caller, input: z.infer<typeof CensusRunCreate>) {
  const { db } = deps
  const year = input.collectionYear
  const today = londonDateOf(new Date())
  const spec = censusYear(year)
  if (!spec)
    throw invalid(
      'body.collectionYear',
      `Hearth cannot produce the ${yearLabel(year)} census: it holds the specifications from ${Object.values(CENSUS_YEARS)[0]!.label}`,
    )
  if (`${year - 1}-04-01` > today)
    throw invalid('body.collectionYear', `the ${yearLabel(year)} collection year has not started yet`)
  const [council] = await db.select({ laCode: councils.laCode }).from(councils).where(eq(councils.id, caller.councilId))
  const candidates = await censusCandidates(db, caller.councilId, censusContext(year, council!.laCode))
  if (!candidates.length)
    throw invalid(
      'body.collectionYear',
      `there is nothing to return for ${yearLabel(year)}: no child had an episode or a referral in that year`,
    )
  const run = await startRun(deps, caller, {
    job: 'census.produce',
    recordType: 'census_run',
    busy: 'A census is being produced already: wait for it to finish.',
    insert: (tx) =>
      tx
        .insert(censusRuns)
        .values({
          councilId: caller.councilId,
          collectionYear: year,
          requestedBy: caller.personId!,
          childrenTotal: candidates.length,
        })
        .onConflictDoNothing()
        .returning(),
  })
  return censusRunView(db, caller.councilId, run)
}

/** The census returns produced, newest first (each without its children: open one to see them). */
export async function listCensusRuns(deps: Deps, caller: Caller) {
  const rows = await listRuns(deps, caller, censusRuns)
  return Promise.all(rows.map(async (r) => ({ ...(await censusRunView(deps.db, caller.councilId, r)), findings: [] })))
}
