import { and, desc, eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { type AnnexRun, annexRuns, type Db, people, writeAudit } from '@hearth/db'
import { AnnexRunCreate, AnnexRunView, ErrorBody, IdParams } from '@hearth/contracts'
import { addCalendarDays, londonDateOf } from '@hearth/domain'
import { enqueueInTx } from '@hearth/jobs'
import { AppError, invalid, notFound } from '../../kernel/errors'
import { noCaseContent } from '../../kernel/reads'
import { percentDone } from './runs'
import { callerOf } from '../../kernel/caller'

const DATA = ['administrator', 'insight_adviser'] as const
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody }
const tags = ['returns']

async function view(db: Db, councilId: string, run: AnnexRun) {
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

async function runOf(db: Db, councilId: string, id: string) {
  const [run] = await db
    .select()
    .from(annexRuns)
    .where(and(eq(annexRuns.councilId, councilId), eq(annexRuns.id, id)))
  if (!run) throw notFound('Annex A')
  return run
}

/** Ofsted's Annex A: the lists from Hearth's own records, produced by the worker with progress. */
const routes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps

  app.post(
    '/returns/annex-a',
    {
      config: { access: DATA },
      schema: {
        tags,
        summary: 'Produce Annex A for a period (the worker does it; watch its progress)',
        body: AnnexRunCreate,
        response: { 202: AnnexRunView, ...errors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      const { from, to } = request.body
      if (to > londonDateOf(new Date())) throw invalid('body.to', 'the period cannot end in the future')
      if (from > to) throw invalid('body.from', 'the period must start before it ends')
      if (from < addCalendarDays(to, -3 * 366)) throw invalid('body.from', 'a period of at most three years')
      const run = await db.transaction(async (tx) => {
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
      app.events.nudgeOutbox()
      reply.code(202)
      return view(db, caller.councilId, run)
    },
  )

  app.get(
    '/returns/annex-a',
    {
      config: { access: DATA, reads: noCaseContent('the workbooks produced: periods, progress and row counts') },
      schema: {
        tags,
        summary: 'Annex A workbooks produced, newest first',
        response: { 200: z.array(AnnexRunView), ...errors },
      },
    },
    async (request) => {
      const councilId = callerOf(request).councilId
      const rows = await db
        .select()
        .from(annexRuns)
        .where(eq(annexRuns.councilId, councilId))
        .orderBy(desc(annexRuns.createdAt))
        .limit(20)
      return Promise.all(rows.map((r) => view(db, councilId, r)))
    },
  )

  app.get(
    '/returns/annex-a/:id',
    {
      config: {
        family: { not: 'an Annex A workbook' },
        access: DATA,
        reads: noCaseContent('a workbook’s progress and row counts; no child named'),
      },
      schema: {
        tags,
        summary: 'An Annex A workbook: its progress and each list’s rows',
        params: IdParams,
        response: { 200: AnnexRunView, ...errors },
      },
    },
    async (request) => {
      const councilId = callerOf(request).councilId
      return view(db, councilId, await runOf(db, councilId, request.params.id))
    },
  )

  app.get(
    '/returns/annex-a/:id/xlsx',
    {
      config: {
        family: { not: 'an Annex A workbook' },
        access: DATA,
        reads: noCaseContent('the workbook: its download is audited by the handler, once'),
      },
      schema: {
        tags,
        summary: 'Download the Annex A workbook (when done)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const caller = callerOf(request)
      const run = await runOf(db, caller.councilId, request.params.id)
      if (run.status !== 'done' || !run.file) throw new AppError('conflict', 'This workbook is not ready yet.')
      await writeAudit(db, { ...caller.audit, action: 'annex.download', recordType: 'annex_run', recordId: run.id })
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="annex-a-${run.fromDate}-to-${run.toDate}.xlsx"`)
        .send(run.file)
    },
  )
}
export default routes
