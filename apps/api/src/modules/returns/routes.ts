import { callerOf } from '../../kernel/caller'
import { and, desc, eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  type CensusRun,
  censusQueryReasons,
  censusRuns,
  children,
  councilHolidays,
  councils,
  type Db,
  people,
  teams,
  writeAudit,
} from '@hearth/db'
import {
  CensusChildFix,
  CensusChildView,
  CensusRunCreate,
  CensusRunView,
  Child,
  ErrorBody,
  IdParams,
  QueryAccept,
} from '@hearth/contracts'
import { londonDateOf, collectionYearOf } from '@hearth/domain'
import { enqueueInTx } from '@hearth/jobs'
import {
  buildCensusChild,
  CENSUS_YEARS,
  censusCandidates,
  censusContext,
  censusYear,
  childRecords,
  type Finding,
} from '@hearth/returns'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { noCaseContent, readsChild, readsList } from '../../kernel/reads'
import { holdingTeamId } from '../families/family-queries'
import { updateChild } from '../families/update-child'
import { percentDone } from './runs'

const DATA = ['administrator', 'insight_adviser'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['returns']
const yearLabel = (y: number) => `${y - 1}–${String(y).slice(2)}`

async function view(db: Db, councilId: string, run: CensusRun) {
  const [who] = await db
    .select({ name: people.name })
    .from(people)
    .where(and(eq(people.councilId, councilId), eq(people.id, run.requestedBy)))
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
    id: run.id,
    collectionYear: run.collectionYear,
    label: yearLabel(run.collectionYear),
    status: run.status,
    childrenTotal: run.childrenTotal,
    childrenDone: run.childrenDone,
    percent: percentDone(run.status, run.childrenDone, run.childrenTotal),
    requestedBy: who?.name ?? '',
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    children: report?.children ?? null,
    errors: errorCount,
    queries: queries.length,
    readyToSubmit: run.status === 'done' && errorCount === 0 && queries.every((q) => q.accepted),
    findings,
    error: run.error,
  }
}

async function runOf(db: Db, councilId: string, id: string) {
  const [run] = await db
    .select()
    .from(censusRuns)
    .where(and(eq(censusRuns.councilId, councilId), eq(censusRuns.id, id)))
  if (!run) throw notFound('census return')
  return run
}

/**
 * Statutory returns: the Children in Need census, produced by the worker with progress, checked
 * against the DfE rules before anyone downloads it; queries accepted with a reason.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps

  app.post(
    '/returns/census',
    {
      config: { access: DATA },
      schema: {
        tags,
        summary: 'Produce the census for a collection year (the worker does it; watch its progress)',
        body: CensusRunCreate,
        response: { 202: CensusRunView, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      const year = request.body.collectionYear
      const today = londonDateOf(new Date())
      const spec = censusYear(year)
      if (!spec)
        throw invalid(
          'body.collectionYear',
          `Hearth cannot produce the ${yearLabel(year)} census: it holds the specifications from ${Object.values(CENSUS_YEARS)[0]!.label}`,
        )
      if (`${year - 1}-04-01` > today)
        throw invalid('body.collectionYear', `the ${yearLabel(year)} collection year has not started yet`)
      const [council] = await db
        .select({ laCode: councils.laCode })
        .from(councils)
        .where(eq(councils.id, caller.councilId))
      const candidates = await censusCandidates(db, caller.councilId, censusContext(year, council!.laCode))
      if (!candidates.length)
        throw invalid(
          'body.collectionYear',
          `there is nothing to return for ${yearLabel(year)}: no child had an episode or a referral in that year`,
        )
      const run = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(censusRuns)
          .values({
            councilId: caller.councilId,
            collectionYear: year,
            requestedBy: caller.personId!,
            childrenTotal: candidates.length,
          })
          .onConflictDoNothing()
          .returning()
        if (!row) throw new AppError('conflict', 'A census is being produced already: wait for it to finish.')
        await enqueueInTx(tx, caller.councilId, 'census.produce', { councilId: caller.councilId, runId: row.id })
        await writeAudit(tx, { ...caller.audit, action: 'census.produce', recordType: 'census_run', recordId: row.id })
        return row
      })
      app.events.nudgeOutbox()
      reply.code(202)
      return view(db, caller.councilId, run)
    },
  )

  app.get(
    '/returns/census',
    {
      config: { access: DATA, reads: noCaseContent('the returns produced: years, progress and rule counts') },
      schema: {
        tags,
        summary: 'The census returns produced, newest first',
        response: { 200: z.array(CensusRunView), ...errors },
      },
    },
    async (request) => {
      const councilId = callerOf(request).councilId
      const rows = await db
        .select()
        .from(censusRuns)
        .where(eq(censusRuns.councilId, councilId))
        .orderBy(desc(censusRuns.createdAt))
        .limit(20)
      // the list leaves out each report's children: open a return to see them
      return Promise.all(rows.map(async (r) => ({ ...(await view(db, councilId, r)), findings: [] })))
    },
  )

  app.get(
    '/returns/census/:id',
    {
      config: {
        family: { not: 'a census return (counts and codes)' },
        access: DATA,
        reads: readsList('census.report', 'census_run', {
          items: (p) =>
            ((p as { findings?: { children: { childId: string; familyId: string }[] }[] }).findings ?? []).flatMap(
              (f) => f.children,
            ),
        }),
      },
      schema: {
        tags,
        summary: 'A census return: its progress, and the rule report naming the children to fix',
        params: IdParams,
        response: { 200: CensusRunView, ...errors },
      },
    },
    async (request) => {
      const councilId = callerOf(request).councilId
      return view(db, councilId, await runOf(db, councilId, request.params.id))
    },
  )

  app.get(
    '/returns/census/:id/xml',
    {
      config: {
        family: { not: 'a census return (counts and codes)' },
        access: DATA,
        reads: noCaseContent('the census file: its download is audited by the handler, once'),
      },
      schema: {
        tags,
        summary: 'Download the census XML (when done)',
        params: IdParams,
        response: { 200: z.string(), ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      const run = await runOf(db, caller.councilId, request.params.id)
      if (run.status !== 'done' || !run.xml) throw new AppError('conflict', 'This census is not ready yet.')
      await writeAudit(db, {
        ...caller.audit,
        action: 'census.download',
        recordType: 'census_run',
        recordId: run.id,
        details: { children: (run.report as { children: number } | null)?.children ?? 0 },
      })
      return reply
        .type('application/xml; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="cin-census-${yearLabel(run.collectionYear).replace('–', '-')}.xml"`,
        )
        .send(run.xml)
    },
  )

  app.get(
    '/returns/children/:id',
    {
      config: {
        family: { not: 'a child’s census details: the data team reads every child for the return' },
        access: DATA,
        reads: readsChild('child.read_census'),
      },
      schema: {
        tags,
        summary: 'A child as the census sees them (for the data team): the record, the team, this year’s episodes',
        params: IdParams,
        response: { 200: CensusChildView, ...errors },
      },
    },
    async (request) => {
      const councilId = callerOf(request).councilId
      const [child] = await db
        .select()
        .from(children)
        .where(and(eq(children.councilId, councilId), eq(children.id, request.params.id)))
      if (!child) throw notFound('child')
      const today = londonDateOf(new Date())
      const year = collectionYearOf(today)
      const [council] = await db.select({ laCode: councils.laCode }).from(councils).where(eq(councils.id, councilId))
      const [records] = await childRecords(db, councilId, [child.id])
      const built = buildCensusChild(
        records!,
        censusContext(year, council!.laCode),
        await councilHolidays(db, councilId),
      )
      const teamId = await holdingTeamId(db, councilId, child.familyId)
      const [team] = teamId
        ? await db
            .select({ name: teams.name })
            .from(teams)
            .where(and(eq(teams.councilId, councilId), eq(teams.id, teamId)))
        : []
      return {
        child,
        holdingTeam: team?.name ?? null,
        collectionYear: year,
        episodes: (built?.episodes ?? []).map((e) => ({
          referralDate: e.referralDate,
          referralSource: e.referralSource,
          primaryNeed: e.primaryNeed,
          closureDate: e.closureDate,
          closureReason: e.closureReason,
          referralNfa: e.referralNfa,
          assessments: e.assessments.length,
          cinPlans: e.cinPlans.length,
          section47s: e.section47s.length,
          cpPlans: e.cpPlans.length,
          preProceedings: e.preProceedings.length,
        })),
      }
    },
  )

  app.patch(
    '/returns/children/:id',
    {
      config: {
        family: { not: 'a child’s census details: the data team reads every child for the return' },
        access: DATA,
      },
      schema: {
        tags,
        summary:
          'Correct a child’s census details (ethnicity, disabilities, UPN or why it is not known, date of death)',
        params: IdParams,
        body: CensusChildFix,
        response: { 200: Child, ...errors },
      },
    },
    async (request) =>
      updateChild(app.deps, { ...callerOf(request), familyScope: { kind: 'all' } }, request.params.id, request.body),
  )

  app.post(
    '/returns/census/:id/queries',
    {
      config: { family: { not: 'a census return (counts and codes)' }, access: DATA },
      schema: {
        tags,
        summary: 'Accept a query (a rule ending Q) with the reason it stands; kept with the return',
        params: IdParams,
        body: QueryAccept,
        response: { 200: CensusRunView, ...errors },
      },
    },
    async (request) => {
      const caller = callerOf(request)
      const run = await runOf(db, caller.councilId, request.params.id)
      const findings = (run.report as { findings: Finding[] } | null)?.findings ?? []
      if (!findings.some((f) => f.code === request.body.code && f.severity === 'query'))
        throw invalid('body.code', 'this return has no such query')
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(censusQueryReasons)
          .values({
            councilId: caller.councilId,
            runId: run.id,
            code: request.body.code,
            reason: request.body.reason,
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
          details: { code: request.body.code },
        })
      })
      return view(db, caller.councilId, run)
    },
  )
}
export default routes
